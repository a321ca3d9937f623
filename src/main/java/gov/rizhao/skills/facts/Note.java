package gov.rizhao.skills.facts;

/**
 * A code and Chinese message attached to a decision: an unmet condition, or a note such as a cap
 * that cut it.
 */
public record Note(String code, String message) {}
