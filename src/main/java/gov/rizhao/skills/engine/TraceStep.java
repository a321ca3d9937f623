package gov.rizhao.skills.engine;

/**
 * A rule that fired for a decision, or a table row it read: where to find it and the article it
 * implements.
 */
public record TraceStep(String rule, String source, String location, String article) {}
