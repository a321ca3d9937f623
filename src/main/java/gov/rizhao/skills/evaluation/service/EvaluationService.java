package gov.rizhao.skills.evaluation.service;

import gov.rizhao.skills.api.CaseRequest;
import gov.rizhao.skills.api.DecisionView;
import gov.rizhao.skills.api.EvaluationResponse;
import gov.rizhao.skills.engine.ClaimPool;
import gov.rizhao.skills.engine.EngineResult;
import gov.rizhao.skills.engine.EvaluatedDecision;
import gov.rizhao.skills.engine.RuleEvaluator;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.engine.RulesetRegistry;
import gov.rizhao.skills.engine.TraceStep;
import gov.rizhao.skills.facts.Benefit;
import gov.rizhao.skills.facts.Decision;
import gov.rizhao.skills.facts.MeasureInfo;
import gov.rizhao.skills.facts.Money;
import gov.rizhao.skills.ledger.LedgerPools;
import gov.rizhao.skills.problem.InvalidInputException;
import gov.rizhao.skills.problem.Problem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Decides cases: the one door from a case to the rules, used by dry runs and by submissions alike.
 * A dry run reads the ledger, so it shows what a submission made now would get, and records
 * nothing. Cases arrive validated (the resources ask Bean Validation); the measures a case names
 * are checked against the ruleset that decides it.
 */
@ApplicationScoped
public class EvaluationService {
  private final RulesetRegistry registry;
  private final MeterRegistry meters;
  private final LedgerPools ledger;
  private final ConcurrentMap<String, Counter> decisionCounters = new ConcurrentHashMap<>();

  /** What the rules decided for a case, and the contract's answer for it. */
  public record Decided(EngineResult result, EvaluationResponse response) {}

  public EvaluationService(RulesetRegistry registry, MeterRegistry meters, LedgerPools ledger) {
    this.registry = registry;
    this.meters = meters;
    this.ledger = ledger;
  }

  /**
   * One case, against what submitted cases already took from quotas and caps; nothing is recorded.
   */
  public EvaluationResponse evaluate(CaseRequest request) {
    return registry.withRuleset(ruleset -> decide(ruleset, request, ledger.recent()).response());
  }

  /** One case under a stored version (a draft under test), against the ledger; nothing recorded. */
  public EvaluationResponse evaluateUnder(String version, CaseRequest request) {
    return registry.withVersion(
        version, ruleset -> decide(ruleset, request, ledger.current()).response());
  }

  /**
   * Several cases, each against the ledger alone (not each other), in one ruleset version; answers
   * in order.
   *
   * @throws InvalidInputException when there are more than {@code maxCases}, or a case names an
   *     unknown measure
   */
  public List<EvaluationResponse> evaluateBatch(List<CaseRequest> requests, int maxCases) {
    if (requests.size() > maxCases) {
      throw InvalidInputException.at(
          "", "at most " + maxCases + " cases in one batch, got " + requests.size());
    }
    return registry.withRuleset(
        ruleset -> {
          List<Problem.FieldError> errors = new ArrayList<>();
          for (int i = 0; i < requests.size(); i++) {
            errors.addAll(unknownMeasures(ruleset, requests.get(i), "/" + i));
            errors.addAll(CaseAttributes.check(ruleset, requests.get(i), "/" + i));
          }
          if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
          }
          ClaimPool pool = ledger.memoized();
          List<EvaluationResponse> out = new ArrayList<>(requests.size());
          for (CaseRequest request : requests) {
            out.add(decide(ruleset, request, pool).response());
          }
          return out;
        });
  }

  /**
   * The one door: decides a validated case under a ruleset, against the given pools.
   *
   * @throws InvalidInputException when the case names a measure the ruleset does not declare
   */
  public Decided decide(Ruleset ruleset, CaseRequest request, ClaimPool pool) {
    List<Problem.FieldError> errors = new ArrayList<>(unknownMeasures(ruleset, request, ""));
    errors.addAll(CaseAttributes.check(ruleset, request, ""));
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    EngineResult result =
        RuleEvaluator.evaluate(ruleset, CaseFactsMapper.toFacts(request, ruleset), pool);
    return new Decided(result, respond(ruleset, request, result));
  }

  /** A measure id the rules do not declare is a typo, not a wish. */
  private static List<Problem.FieldError> unknownMeasures(
      Ruleset ruleset, CaseRequest request, String prefix) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (request.measures() != null) {
      for (int i = 0; i < request.measures().size(); i++) {
        String id = request.measures().get(i);
        if (ruleset.measure(id).isEmpty()) {
          errors.add(
              new Problem.FieldError(
                  prefix + "/measures/" + i,
                  "unknown measure '"
                      + id
                      + "'; known: "
                      + String.join(
                          ", ", ruleset.measures().stream().map(MeasureInfo::getId).toList())));
        }
      }
    }
    return errors;
  }

  private EvaluationResponse respond(Ruleset ruleset, CaseRequest request, EngineResult result) {
    List<EvaluatedDecision> evaluated = result.decisions();
    List<DecisionView> decisions = new ArrayList<>(evaluated.size());
    BigDecimal total = BigDecimal.ZERO;
    for (EvaluatedDecision e : evaluated) {
      DecisionView view = view(ruleset, e);
      total = total.add(view.amount());
      decisions.add(view);
      decisionCounters
          .computeIfAbsent(
              view.measure() + '/' + view.outcome(),
              k ->
                  meters.counter(
                      "skills.decisions",
                      "measure",
                      view.measure(),
                      "outcome",
                      view.outcome().name()))
          .increment();
    }
    return new EvaluationResponse(
        request.caseId(),
        ruleset.version(),
        Instant.now().truncatedTo(ChronoUnit.MILLIS),
        Money.round(total),
        decisions);
  }

  private static DecisionView view(Ruleset ruleset, EvaluatedDecision e) {
    Decision d = e.decision();
    MeasureInfo measure = ruleset.measure(d.getMeasure()).orElse(null);
    return new DecisionView(
        d.getMeasure(),
        measure == null ? null : measure.getName(),
        d.getSubject(),
        e.outcome(),
        d.getAmount(),
        d.getBenefits().stream().map(EvaluationService::benefit).toList(),
        e.reasons().stream().map(n -> new DecisionView.Reason(n.code(), n.message())).toList(),
        measure == null
            ? null
            : new DecisionView.Citation(
                measure.getDocument(), measure.getArticle(), measure.getText()),
        e.trace().stream().map(EvaluationService::trace).toList());
  }

  private static DecisionView.TraceEntry trace(TraceStep t) {
    return new DecisionView.TraceEntry(
        t.rule(), t.source(), t.location(), t.article(), t.document(), t.value(), t.unit());
  }

  private static DecisionView.BenefitView benefit(Benefit b) {
    return new DecisionView.BenefitView(
        b.getKind(),
        Money.round(b.getAmount()),
        b.getPayee(),
        Money.round(b.getMonthlyAmount()),
        b.getMonths(),
        b.getFirstMonth(),
        b.getLastMonth(),
        b.getLevel(),
        b.getTitle());
  }
}
