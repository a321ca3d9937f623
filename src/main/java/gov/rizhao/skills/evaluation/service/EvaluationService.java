package gov.rizhao.skills.evaluation.service;

import gov.rizhao.skills.engine.ClaimPool;
import gov.rizhao.skills.engine.EngineResult;
import gov.rizhao.skills.engine.EvaluatedDecision;
import gov.rizhao.skills.engine.RuleEvaluator;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.engine.RulesetRegistry;
import gov.rizhao.skills.evaluation.api.CaseRequest;
import gov.rizhao.skills.evaluation.api.DecisionView;
import gov.rizhao.skills.evaluation.api.EvaluationResponse;
import gov.rizhao.skills.facts.Benefit;
import gov.rizhao.skills.facts.Decision;
import gov.rizhao.skills.facts.MeasureInfo;
import gov.rizhao.skills.ledger.LedgerPools;
import gov.rizhao.skills.problem.InvalidInputException;
import gov.rizhao.skills.problem.Problem;
import gov.rizhao.skills.problem.Violations;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates cases against the active ruleset: validation, rules, quotas and caps, and the
 * contract's answer. A dry run reads the ledger, so it shows what a submission made now would get,
 * and records nothing.
 */
@ApplicationScoped
public class EvaluationService {
  private final RulesetRegistry registry;
  private final Validator validator;
  private final MeterRegistry meters;
  private final LedgerPools ledger;
  private final java.util.concurrent.ConcurrentMap<String, io.micrometer.core.instrument.Counter>
      decisionCounters = new java.util.concurrent.ConcurrentHashMap<>();

  public EvaluationService(
      RulesetRegistry registry, Validator validator, MeterRegistry meters, LedgerPools ledger) {
    this.registry = registry;
    this.validator = validator;
    this.meters = meters;
    this.ledger = ledger;
  }

  /**
   * One case, against what submitted cases already took from quotas and caps; nothing is recorded.
   */
  public EvaluationResponse evaluate(CaseRequest request) {
    requireCase(request);
    validate(request);
    return registry.withRuleset(
        ruleset -> {
          checkMeasures(ruleset, request, "");
          return respond(
              ruleset,
              request,
              RuleEvaluator.evaluate(ruleset, CaseFactsMapper.toFacts(request), ledger.current()));
        });
  }

  /**
   * Several cases, each against the ledger alone (not each other), in one ruleset version; answers
   * in order.
   */
  public List<EvaluationResponse> evaluateBatch(List<CaseRequest> requests, int maxCases) {
    if (requests == null) {
      throw InvalidInputException.at("", "an array of cases is required");
    }
    if (requests.size() > maxCases) {
      throw InvalidInputException.at(
          "", "at most " + maxCases + " cases in one batch, got " + requests.size());
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      if (requests.get(i) == null) {
        errors.add(new Problem.FieldError("/" + i, "a case is required"));
      } else {
        errors.addAll(Violations.toErrors("/" + i, validator.validate(requests.get(i))));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return registry.withRuleset(
        ruleset -> {
          for (int i = 0; i < requests.size(); i++) {
            checkMeasures(ruleset, requests.get(i), "/" + i);
          }
          ClaimPool pool = ledger.memoized();
          List<EvaluationResponse> out = new ArrayList<>(requests.size());
          for (CaseRequest request : requests) {
            out.add(
                respond(
                    ruleset,
                    request,
                    RuleEvaluator.evaluate(ruleset, CaseFactsMapper.toFacts(request), pool)));
          }
          return out;
        });
  }

  public static void requireCase(CaseRequest request) {
    if (request == null) {
      throw InvalidInputException.at("", "a case is required");
    }
  }

  /** Checks the case against the contract's constraints; every offending field is named. */
  public void validate(CaseRequest request) {
    var violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(Violations.toErrors("", violations));
    }
  }

  /** Runs the rules on a validated case with the given pools. */
  public static EngineResult decide(Ruleset ruleset, CaseRequest request, ClaimPool pool) {
    checkMeasures(ruleset, request, "");
    return RuleEvaluator.evaluate(ruleset, CaseFactsMapper.toFacts(request), pool);
  }

  /** A measure id the rules do not declare is a typo, not a wish: refuse it. */
  private static void checkMeasures(Ruleset ruleset, CaseRequest request, String prefix) {
    if (request.measures() == null) {
      return;
    }
    List<Problem.FieldError> errors = new ArrayList<>();
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
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  /** The contract's answer for an evaluated case. */
  public EvaluationResponse respond(Ruleset ruleset, CaseRequest request, EngineResult result) {
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
        total.setScale(2, RoundingMode.HALF_UP),
        decisions);
  }

  private static DecisionView view(Ruleset ruleset, EvaluatedDecision e) {
    Decision d = e.decision();
    MeasureInfo measure = ruleset.measure(d.getMeasure()).orElse(null);
    List<DecisionView.BenefitView> benefits =
        d.getBenefits().stream().map(EvaluationService::benefit).toList();
    return new DecisionView(
        d.getMeasure(),
        measure == null ? null : measure.getName(),
        d.getSubject(),
        e.outcome(),
        d.getAmount(),
        benefits,
        e.reasons().stream().map(n -> new DecisionView.Reason(n.code(), n.message())).toList(),
        measure == null
            ? null
            : new DecisionView.Citation(
                measure.getDocument(), measure.getArticle(), measure.getText()),
        e.trace().stream()
            .map(t -> new DecisionView.TraceEntry(t.rule(), t.source(), t.location(), t.article()))
            .toList());
  }

  private static DecisionView.BenefitView benefit(Benefit b) {
    return new DecisionView.BenefitView(
        b.getKind(),
        money(b.getAmount()),
        b.getPayee(),
        money(b.getMonthlyAmount()),
        b.getMonths(),
        b.getFirstMonth(),
        b.getLastMonth(),
        b.getLevel(),
        b.getTitle());
  }

  private static BigDecimal money(BigDecimal amount) {
    return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
  }
}
