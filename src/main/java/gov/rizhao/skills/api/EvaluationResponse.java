package gov.rizhao.skills.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The decisions for one case (contract v1). */
public record EvaluationResponse(
    String caseId,
    String rulesetVersion,
    Instant evaluatedAt,
    BigDecimal totalAmount,
    List<DecisionView> decisions) {}
