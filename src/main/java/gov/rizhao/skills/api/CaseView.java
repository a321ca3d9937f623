package gov.rizhao.skills.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A submitted case (its owner is the calling system that submitted it): the contract's evaluation
 * (caseId, rulesetVersion, evaluatedAt, totalAmount, decisions) with its status, when it was
 * submitted or withdrawn, and the case as received.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(
    String caseId,
    String owner,
    String rulesetVersion,
    Instant evaluatedAt,
    BigDecimal totalAmount,
    List<DecisionView> decisions,
    CaseStatus status,
    Instant submittedAt,
    Instant withdrawnAt,
    JsonNode input) {}
