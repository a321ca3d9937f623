package gov.rizhao.skills.engine;

/** Where a rule is written: its file and the DRL line or the spreadsheet's sheet and row. */
public record RuleLocation(String source, String location) {}
