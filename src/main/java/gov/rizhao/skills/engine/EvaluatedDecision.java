package gov.rizhao.skills.engine;

import gov.rizhao.skills.facts.Claim;
import gov.rizhao.skills.facts.Decision;
import gov.rizhao.skills.facts.Note;
import gov.rizhao.skills.facts.Outcome;
import java.math.BigDecimal;
import java.util.List;

/**
 * A decision once the rules have run and its quotas and caps were applied, with what it took from
 * each pool (empty unless ELIGIBLE).
 */
public record EvaluatedDecision(
    Decision decision,
    Outcome outcome,
    List<Note> reasons,
    List<TraceStep> trace,
    List<Taken> taken) {

  /** A place (1) or an amount taken from the pool {@code claim.scope()}. */
  public record Taken(Claim claim, BigDecimal quantity) {}
}
