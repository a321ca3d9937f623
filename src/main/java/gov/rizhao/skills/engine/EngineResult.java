package gov.rizhao.skills.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The decisions for one case, and what the pools they claimed from had used before it. */
public record EngineResult(
    List<EvaluatedDecision> decisions, Map<String, BigDecimal> poolsBefore) {}
