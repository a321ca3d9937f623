package gov.rizhao.skills.evaluation;

import static gov.rizhao.skills.support.Contract.api;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.rizhao.skills.scenarios.Scenario;
import gov.rizhao.skills.scenarios.ScenarioCheck;
import gov.rizhao.skills.scenarios.ScenarioReader;
import gov.rizhao.skills.support.Corpus;
import gov.rizhao.skills.support.Scenarios;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared sample cases (../shared/examples, copied into src/test/resources/examples) get the
 * decisions the policy gives them.
 */
@QuarkusTest
class SharedExamplesTest {
  static Stream<Path> examples() {
    return Corpus.examples().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleGetsItsExpectedDecisions(Path example) throws Exception {
    JsonNode doc = Scenarios.JSON.readTree(example.toFile());
    ObjectNode file = Scenarios.JSON.createObjectNode();
    ObjectNode only = file.putArray("scenarios").addObject();
    only.put("说明", "shared example " + example.getFileName());
    only.set("case", doc.get("case"));
    only.set("expect", doc.get("expect"));
    Scenario scenario =
        ScenarioReader.read(
                example.getFileName().toString(), Scenarios.JSON.writeValueAsBytes(file))
            .get(0);
    ObjectNode input = scenario.caseJson();
    input.put("caseId", doc.get("case").get("caseId").asText());
    String body =
        api()
            .body(Scenarios.JSON.writeValueAsString(input))
            .when()
            .post("/api/v1/evaluations")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(ScenarioCheck.failures(scenario, Scenarios.JSON.readTree(body))).isEmpty();
  }
}
