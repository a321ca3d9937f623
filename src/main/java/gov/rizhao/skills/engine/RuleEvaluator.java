package gov.rizhao.skills.engine;

import gov.rizhao.skills.facts.CaseItem;
import gov.rizhao.skills.facts.Claim;
import gov.rizhao.skills.facts.Decision;
import gov.rizhao.skills.facts.Note;
import gov.rizhao.skills.facts.Outcome;
import gov.rizhao.skills.facts.Parameter;
import gov.rizhao.skills.facts.ParameterUnit;
import gov.rizhao.skills.facts.ParameterView;
import gov.rizhao.skills.facts.PolicyDocument;
import gov.rizhao.skills.facts.Unmet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kie.api.runtime.KieSession;

/**
 * Runs one case through a ruleset: a pooled session, the case's facts in, decisions with traces
 * out.
 */
public final class RuleEvaluator {
  /**
   * More firings than this for one case means rules that never settle: an error in the rule files.
   */
  static final int MAX_FIRINGS = 100_000;

  /**
   * The reason given when a value a measure's rules read has no row in force on the application
   * date.
   */
  public static final String PARAMETER_NOT_IN_FORCE = "PARAMETER_NOT_IN_FORCE";

  private static final Comparator<Decision> REPORT_ORDER =
      Comparator.comparing(Decision::getMeasure).thenComparingInt(Decision::getOrder);

  private RuleEvaluator() {}

  /**
   * What the rules concluded for a case before quotas and caps are applied: cases can be fired in
   * parallel and then allocated one after another, in order.
   */
  public static final class Fired {
    private final TraceRecorder recorder;
    private final Set<String> missing;
    private final LocalDate date;

    private Fired(TraceRecorder recorder, Set<String> missing, LocalDate date) {
      this.recorder = recorder;
      this.missing = missing;
      this.date = date;
    }
  }

  public static EngineResult evaluate(Ruleset ruleset, CaseFacts facts, ClaimPool pool) {
    return allocate(ruleset, fire(ruleset, facts), pool);
  }

  /** Applies quotas and caps, as the pool has them now, to what the rules concluded. */
  public static EngineResult allocate(Ruleset ruleset, Fired fired, ClaimPool pool) {
    return finish(ruleset, fired.recorder, pool, fired.missing, fired.date);
  }

  /** Runs the case's facts through the rules; nothing is taken from any pool yet. */
  public static Fired fire(Ruleset ruleset, CaseFacts facts) {
    TraceRecorder recorder = new TraceRecorder();
    LocalDate date = facts.application().getApplicationDate();
    ParameterView params = ruleset.parametersOn(date);
    SessionPool.Lease lease = ruleset.sessions().take(recorder);
    KieSession session = lease.session;
    boolean settled = false;
    try {
      session.setGlobal("params", params);
      session.insert(facts.application().evaluatingByDefault(ruleset.automaticMeasures()));
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
      settled = true;
    } finally {
      ruleset.sessions().give(lease, settled);
    }
    return new Fired(recorder, params.missing(), date);
  }

  private static EngineResult finish(
      Ruleset ruleset,
      TraceRecorder recorder,
      ClaimPool pool,
      Set<String> missing,
      LocalDate date) {
    Map<Decision, List<Note>> unmetByDecision = new IdentityHashMap<>();
    for (Unmet u : recorder.unmet()) {
      unmetByDecision
          .computeIfAbsent(u.getDecision(), d -> new ArrayList<>())
          .add(new Note(u.getCode(), u.getMessage()));
    }
    List<Decision> decisions = new ArrayList<>(recorder.decisions());
    decisions.sort(REPORT_ORDER);
    refuseWithoutValues(ruleset, decisions, unmetByDecision, missing, date);
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
        trace.add(step(ruleset, step));
      }
      result.add(
          new EvaluatedDecision(
              d, outcome, List.copyOf(reasons), List.copyOf(trace), List.copyOf(taken)));
    }
    return new EngineResult(result, before);
  }

  /**
   * A measure whose rules asked for a value that has no row in force on the application date grants
   * nothing: each of its decisions that nothing else refused is refused, naming the parameter and
   * the date. A value that belongs to no measure (a document-wide one, such as the policy's
   * effective date) concerns every measure.
   */
  private static void refuseWithoutValues(
      Ruleset ruleset,
      List<Decision> decisions,
      Map<Decision, List<Note>> unmetByDecision,
      Set<String> missing,
      LocalDate date) {
    if (missing.isEmpty()) {
      return;
    }
    for (Decision d : decisions) {
      if (unmetByDecision.containsKey(d)) {
        continue;
      }
      for (String key : missing) {
        String owner = key.substring(0, Math.max(0, key.indexOf('.')));
        boolean documentWide = ruleset.measure(owner).isEmpty();
        if (documentWide || owner.equals(d.getMeasure())) {
          unmetByDecision
              .computeIfAbsent(d, x -> new ArrayList<>())
              .add(
                  new Note(
                      PARAMETER_NOT_IN_FORCE,
                      "参数 " + key + " 在 " + date + " 没有适用的取值（参数表中没有当日有效的行），不予给付"));
        }
      }
    }
  }

  private static TraceStep step(Ruleset ruleset, String id) {
    RuleLocation where = ruleset.locationOf(id);
    Parameter row = ruleset.parameter(id).orElse(null);
    if (row == null) {
      PolicyDocument document = ruleset.document(id).orElse(null);
      if (document != null) {
        return new TraceStep(
            id,
            where.source(),
            where.location(),
            where.article(),
            where.document(),
            document.validity(),
            ParameterUnit.DATE.symbol());
      }
    }
    return new TraceStep(
        id,
        where.source(),
        where.location(),
        where.article(),
        where.document(),
        row == null ? null : row.getValue(),
        row == null ? null : row.getUnit().symbol());
  }
}
