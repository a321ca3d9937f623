package gov.rizhao.skills.engine;

/**
 * A rule that fired for a decision, or a parameter row it read: where to find it, the article and
 * document it rests on and, for a row, the value used and its unit.
 */
public record TraceStep(
    String rule,
    String source,
    String location,
    String article,
    String document,
    String value,
    String unit) {}
