package gov.rizhao.skills.scenarios;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.rizhao.skills.api.CaseRequest;
import gov.rizhao.skills.engine.MemoryLedger;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.evaluation.service.EvaluationService;
import gov.rizhao.skills.problem.InvalidInputException;
import gov.rizhao.skills.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs scenarios against a ruleset in process, each on a ledger of its own: the cases a scenario
 * submits before its own are decided in order and their grants counted, then the scenario's case is
 * decided against what they took. The real ledger is never touched. Each case is checked against
 * the contract first, as the API would.
 */
@ApplicationScoped
public class ScenarioRunner {
  private final EvaluationService evaluations;
  private final Validator validator;
  private final ObjectMapper json;

  public ScenarioRunner(EvaluationService evaluations, Validator validator, ObjectMapper json) {
    this.evaluations = evaluations;
    this.validator = validator;
    this.json = json;
  }

  /** What does not match, in Chinese, each naming the scenario; empty when the scenario holds. */
  public List<String> failures(Ruleset ruleset, Scenario scenario) {
    MemoryLedger ledger = new MemoryLedger();
    List<String> failures = new ArrayList<>();
    try {
      for (ObjectNode earlier : scenario.before()) {
        ledger.record(evaluations.decide(ruleset, request(earlier), ledger).result());
      }
      JsonNode answer =
          json.valueToTree(
              evaluations.decide(ruleset, request(scenario.caseJson()), ledger).response());
      failures.addAll(ScenarioCheck.failures(scenario, answer));
    } catch (InvalidInputException e) {
      e.errors()
          .forEach(
              f -> failures.add(scenario.label() + "：案件字段 " + f.pointer() + " " + f.message()));
    }
    return failures;
  }

  private CaseRequest request(ObjectNode caseJson) {
    CaseRequest request;
    try {
      request = json.treeToValue(caseJson, CaseRequest.class);
    } catch (JsonProcessingException e) {
      throw InvalidInputException.at("", e.getOriginalMessage());
    }
    Set<ConstraintViolation<CaseRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(Violations.toErrors("", violations));
    }
    return request;
  }
}
