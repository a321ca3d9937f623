package gov.rizhao.skills.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.rizhao.skills.engine.ClaimPool;
import gov.rizhao.skills.engine.RulesetRegistry;
import gov.rizhao.skills.evaluation.api.CaseRequest;
import gov.rizhao.skills.evaluation.service.EvaluationService;
import gov.rizhao.skills.support.Corpus;
import gov.rizhao.skills.support.Scenarios;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The decisions for a fixed corpus of cases (the shared examples, every scenario, the benchmark
 * cases and cases generated from a fixed seed) are those recorded before the engine was
 * restructured: measure, subject, outcome, amount, benefits, reasons, citation and the rules and
 * rows of the trace. Where a rule or row sits in its file may move; what it is may not.
 */
@QuarkusTest
class DecisionCorpusTest {
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
    Map<String, ObjectNode> cases = Corpus.cases();
    assertThat(cases.keySet()).containsExactlyInAnyOrderElementsOf(iterable(before.fieldNames()));
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, ObjectNode> e : cases.entrySet()) {
      CaseRequest request = json.treeToValue(e.getValue(), CaseRequest.class);
      JsonNode now =
          registry.withRuleset(
              r ->
                  json.valueToTree(
                      service.respond(
                          r, request, EvaluationService.decide(r, request, ClaimPool.EMPTY))));
      JsonNode was = before.get(e.getKey());
      if (now.get("totalAmount").decimalValue().compareTo(was.get("totalAmount").decimalValue())
              != 0
          || !Corpus.plainNumbers(
                  Scenarios.JSON.valueToTree(withoutCitationText(Corpus.comparable(now))))
              .equals(Corpus.plainNumbers(was.get("decisions")))) {
        changed.add(
            e.getKey()
                + "\n  was: "
                + was.get("decisions")
                + "\n  now: "
                + Scenarios.JSON.valueToTree(withoutCitationText(Corpus.comparable(now))));
      }
    }
    assertThat(changed).as("cases whose decisions changed").isEmpty();
  }

  private static List<JsonNode> withoutCitationText(List<JsonNode> decisions) {
    decisions.forEach(
        d -> {
          if (d.get("citation") instanceof ObjectNode c) {
            c.remove("text");
          }
        });
    return decisions;
  }

  private static <T> List<T> iterable(java.util.Iterator<T> it) {
    List<T> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
