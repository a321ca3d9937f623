package gov.rizhao.skills.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.rizhao.skills.api.CaseRequest;
import gov.rizhao.skills.engine.ClaimPool;
import gov.rizhao.skills.engine.RulesetRegistry;
import gov.rizhao.skills.evaluation.service.EvaluationService;
import gov.rizhao.skills.support.Corpus;
import gov.rizhao.skills.support.Scenarios;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The decisions for a fixed corpus of cases (the shared examples, every scenario, the benchmark
 * cases and cases generated from a fixed seed) are those recorded before the engine was
 * restructured: measure, subject, outcome, amount, benefits, reasons, citation and the rules and
 * rows of the trace. Where a rule or row sits in its file may move; what it is may not.
 *
 * <p>Two changes are intended, and checked as such: the messages that restated policy numbers now
 * render the values in force (their codes are unchanged); and under M06 a competition result dated
 * after the application date has its own reason, {@code RESULT_DATE_IN_FUTURE}, where it was
 * reported as not qualifying.
 */
@QuarkusTest
class DecisionCorpusTest {
  /** Reasons whose message now renders the parameters in force instead of restating them. */
  private static final Set<String> RENDERED_FROM_PARAMETERS =
      Set.of("RESULT_NOT_QUALIFYING", "NO_SKILL_STAR_PRIZE", "LEVEL_NOT_REWARDED");

  @Inject RulesetRegistry registry;
  @Inject EvaluationService service;
  @Inject ObjectMapper json;

  @Test
  void corpusDecidesAsBeforeTheRestructuring() throws Exception {
    JsonNode before;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("corpus/decisions.json")) {
      before = Scenarios.JSON.readTree(in);
    }
    assertThat(before.size()).isGreaterThan(500);
    List<String> changed = new ArrayList<>();
    int futureResults = 0;
    Map<String, Integer> changedByLimits = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) before::fields) {
      CaseRequest request = json.treeToValue(e.getValue().get("case"), CaseRequest.class);
      JsonNode now =
          registry.withRuleset(
              r -> json.valueToTree(service.decide(r, request, ClaimPool.EMPTY).response()));
      JsonNode was = e.getValue();
      List<JsonNode> decisions = Corpus.comparable(now);
      for (JsonNode d : decisions) {
        if (futureResultReason(d)) {
          assertThat(hasResultAfter(request)).as(e.getKey()).isTrue();
          futureResults++;
        }
      }
      Set<String> excused = new HashSet<>();
      for (JsonNode d : decisions) {
        identityOrRound(d, e.getValue().get("case"))
            .ifPresent(
                code -> {
                  excused.add(d.path("measure").asText() + d.path("subject").asText());
                  changedByLimits.merge(code, 1, Integer::sum);
                });
      }
      JsonNode nowDecisions = normalize(Scenarios.JSON.valueToTree(decisions), excused);
      JsonNode wasDecisions = normalize(was.get("decisions"), excused);
      BigDecimal sum = BigDecimal.ZERO;
      for (JsonNode d : decisions) {
        sum = sum.add(d.path("amount").decimalValue());
      }
      boolean sameTotal =
          excused.isEmpty()
              ? now.get("totalAmount")
                      .decimalValue()
                      .compareTo(was.get("totalAmount").decimalValue())
                  == 0
              : now.get("totalAmount").decimalValue().compareTo(sum) == 0;
      if (!sameTotal || !nowDecisions.equals(wasDecisions)) {
        changed.add(e.getKey() + "\n  was: " + wasDecisions + "\n  now: " + nowDecisions);
      }
    }
    assertThat(changed).as("cases whose decisions changed").isEmpty();
    assertThat(futureResults)
        .as("M06 decisions with a result dated after the application")
        .isPositive();
  }

  private static boolean futureResultReason(JsonNode decision) {
    if (!decision.path("measure").asText().equals("M06")) {
      return false;
    }
    for (JsonNode r : decision.path("reasons")) {
      if (r.path("code").asText().equals("RESULT_DATE_IN_FUTURE")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The identity or round reason of a decision, when the case's input shows it is due: a person,
   * organisation, workstation or result without what identifies it, a nomination for a year before
   * the application's.
   */
  private static Optional<String> identityOrRound(JsonNode decision, JsonNode input) {
    JsonNode subject = input.at(decision.path("subject").asText());
    for (JsonNode r : decision.path("reasons")) {
      String code = r.path("code").asText();
      boolean due =
          switch (code) {
            case "PERSON_NOT_IDENTIFIED" ->
                input.has("person") && blank(input.path("person").get("id"));
            case "ORGANIZATION_NOT_IDENTIFIED" ->
                input.has("organization") && blank(input.path("organization").get("id"));
            case "WORKSTATION_NOT_IDENTIFIED" -> blank(subject.get("id"));
            case "RESULT_NOT_IDENTIFIED" ->
                blank(subject.get("name")) || blank(subject.get("date"));
            case "NOMINATION_NOT_CURRENT_ROUND" ->
                subject.path("year").asInt()
                    < LocalDate.parse(input.path("applicationDate").asText()).getYear();
            default -> false;
          };
      if (due) {
        return Optional.of(code);
      }
    }
    return Optional.empty();
  }

  private static boolean blank(JsonNode node) {
    return node == null || node.isNull() || node.asText().isBlank();
  }

  private static boolean hasResultAfter(CaseRequest request) {
    LocalDate applied = request.applicationDate();
    return request.competitionResults() != null
        && request.competitionResults().stream()
            .anyMatch(r -> r.date() != null && r.date().isAfter(applied));
  }

  /**
   * The decisions with numbers as plain decimals, no citation text, no message of a reason rendered
   * from the parameters, and the new M06 reason and its rule read as the ones they replace.
   */
  private static JsonNode normalize(JsonNode decisions, Set<String> excused) {
    ArrayNode out = Scenarios.JSON.createArrayNode();
    for (JsonNode d : Corpus.plainNumbers(decisions)) {
      if (excused.contains(d.path("measure").asText() + d.path("subject").asText())) {
        continue;
      }
      ObjectNode copy = d.deepCopy();
      if (copy.get("citation") instanceof ObjectNode citation) {
        citation.remove("text");
      }
      ArrayNode reasons = Scenarios.JSON.createArrayNode();
      Set<String> seen = new LinkedHashSet<>();
      for (JsonNode r : d.path("reasons")) {
        ObjectNode reason = r.deepCopy();
        if (reason.path("code").asText().equals("RESULT_DATE_IN_FUTURE")
            && d.path("measure").asText().equals("M06")) {
          reason.put("code", "RESULT_NOT_QUALIFYING");
        }
        if (RENDERED_FROM_PARAMETERS.contains(reason.path("code").asText())) {
          reason.remove("message");
        }
        if (seen.add(reason.toString())) {
          reasons.add(reason);
        }
      }
      copy.set("reasons", reasons);
      ArrayNode trace = Scenarios.JSON.createArrayNode();
      Set<String> rules = new LinkedHashSet<>();
      for (JsonNode t : d.path("trace")) {
        ObjectNode step = t.deepCopy();
        if (step.path("rule").asText().equals("M06-RESULT-IN-FUTURE")) {
          step.put("rule", "M06-RESULT-NOT-QUALIFYING");
        }
        if (rules.add(step.toString())) {
          trace.add(step);
        }
      }
      copy.set("trace", trace);
      out.add(copy);
    }
    return out;
  }
}
