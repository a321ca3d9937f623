package gov.rizhao.skills.evaluation;

import static gov.rizhao.skills.support.Contract.api;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.rizhao.skills.support.Scenarios;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sample cases in ../shared/examples/ get the decisions the policy gives them. */
@QuarkusTest
class SharedExamplesTest {
  static final Path EXAMPLES = Path.of(System.getProperty("test.examples-dir", "../shared/examples"));

  static Stream<Path> examples() throws IOException {
    if (!Files.isDirectory(EXAMPLES)) {
      return Stream.of(EXAMPLES);
    }
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleGetsItsExpectedDecisions(Path example) throws Exception {
    assumeTrue(Files.isRegularFile(example), "shared examples not found at " + EXAMPLES.toAbsolutePath());
    JsonNode doc = Scenarios.JSON.readTree(example.toFile());
    String body = api().body(Scenarios.JSON.writeValueAsString(doc.get("case")))
        .when().post("/api/v1/evaluations")
        .then().statusCode(200)
        .extract().asString();
    Scenarios.check(new Scenarios.Scenario(example.getFileName().toString(), 1, "shared example",
        (ObjectNode) doc.get("case"), doc.get("expect"), null), Scenarios.JSON.readTree(body));
  }
}
