package gov.rizhao.skills.evaluation;

import static gov.rizhao.skills.support.Contract.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    String body =
        api()
            .body(Scenarios.JSON.writeValueAsString(doc.get("case")))
            .when()
            .post("/api/v1/evaluations")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Scenarios.check(
        new Scenarios.Scenario(
            example.getFileName().toString(),
            1,
            "shared example",
            (ObjectNode) doc.get("case"),
            doc.get("expect"),
            null),
        Scenarios.JSON.readTree(body));
  }
}
