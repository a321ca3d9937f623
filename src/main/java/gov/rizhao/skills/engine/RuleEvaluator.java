package gov.rizhao.skills.engine;

import gov.rizhao.skills.facts.CaseItem;
import gov.rizhao.skills.facts.Claim;
import gov.rizhao.skills.facts.Decision;
import gov.rizhao.skills.facts.Note;
import gov.rizhao.skills.facts.Outcome;
import gov.rizhao.skills.facts.Unmet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kie.api.runtime.KieSession;

/**
 * Runs one case through a ruleset: a fresh session, the case's facts in, decisions with traces out.
 */
public final class RuleEvaluator {
  /**
   * More firings than this for one case means rules that never settle: an error in the rule files.
   */
  static final int MAX_FIRINGS = 100_000;

  private static final Comparator<Decision> REPORT_ORDER =
      Comparator.comparing(Decision::getMeasure).thenComparingInt(Decision::getOrder);

  private RuleEvaluator() {}

  public static EngineResult evaluate(Ruleset ruleset, CaseFacts facts, ClaimPool pool) {
    TraceRecorder recorder = new TraceRecorder();
    KieSession session = ruleset.newSession();
    session.addEventListener((org.kie.api.event.rule.AgendaEventListener) recorder);
    session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) recorder);
    try {
      session.setGlobal("params", ruleset.parametersOn(facts.application().getApplicationDate()));
      session.insert(facts.application());
      session.insert(facts.person());
      session.insert(facts.organization());
      for (CaseItem item : facts.items()) {
        session.insert(item);
      }
      int fired = session.fireAllRules(MAX_FIRINGS);
      if (fired >= MAX_FIRINGS) {
        throw new IllegalStateException(
            "the rules fired " + fired + " times for one case without settling");
      }
    } finally {
      session.removeEventListener((org.kie.api.event.rule.AgendaEventListener) recorder);
      session.removeEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) recorder);
      session.dispose();
    }
    return finish(ruleset, recorder, pool);
  }

  private static EngineResult finish(Ruleset ruleset, TraceRecorder recorder, ClaimPool pool) {
    Map<Decision, List<Note>> unmetByDecision = new IdentityHashMap<>();
    for (Unmet u : recorder.unmet()) {
      unmetByDecision
          .computeIfAbsent(u.getDecision(), d -> new ArrayList<>())
          .add(new Note(u.getCode(), u.getMessage()));
    }
    List<Decision> decisions = new ArrayList<>(recorder.decisions());
    decisions.sort(REPORT_ORDER);
    Map<String, Claim> claimsByScope = new TreeMap<>();
    for (Decision d : decisions) {
      if (!unmetByDecision.containsKey(d)) {
        d.getClaims().forEach(c -> claimsByScope.putIfAbsent(c.scope(), c));
      }
    }
    Map<String, BigDecimal> before =
        claimsByScope.isEmpty() ? Map.of() : pool.used(claimsByScope.values());
    ClaimAllocator allocator = new ClaimAllocator(before);
    List<EvaluatedDecision> result = new ArrayList<>(decisions.size());
    for (Decision d : decisions) {
      List<Note> unmet = unmetByDecision.get(d);
      List<Note> reasons = new ArrayList<>();
      List<EvaluatedDecision.Taken> taken = new ArrayList<>();
      Outcome outcome;
      if (unmet != null) {
        d.withdrawBenefits();
        reasons.addAll(unmet);
        outcome = Outcome.INELIGIBLE;
      } else {
        reasons.addAll(d.getNotes());
        outcome = allocator.allocate(d, reasons, taken);
      }
      List<TraceStep> trace = new ArrayList<>();
      for (String step : recorder.stepsOf(d)) {
        RuleLocation where = ruleset.locationOf(step);
        trace.add(new TraceStep(step, where.source(), where.location(), where.article()));
      }
      result.add(
          new EvaluatedDecision(
              d, outcome, List.copyOf(reasons), List.copyOf(trace), List.copyOf(taken)));
    }
    return new EngineResult(result, before);
  }
}
