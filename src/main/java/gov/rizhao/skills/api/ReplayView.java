package gov.rizhao.skills.api;

import java.util.List;

/**
 * A stored case decided again from its stored input, under the ruleset version it was decided with
 * and from the ledger as it stood then: {@code identical} when the decisions are the same, else
 * where they differ.
 */
public record ReplayView(
    String caseId,
    String rulesetVersion,
    boolean identical,
    List<String> differences,
    EvaluationResponse replayed) {}
