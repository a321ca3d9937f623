package gov.rizhao.skills.engine;

/** A rule that fired for a decision, or a table row it read, and where to find it. */
public record TraceStep(String rule, String source, String location) {}
