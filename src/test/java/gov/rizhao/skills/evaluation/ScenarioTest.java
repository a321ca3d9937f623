package gov.rizhao.skills.evaluation;

import static gov.rizhao.skills.support.Contract.api;

import com.fasterxml.jackson.databind.JsonNode;
import gov.rizhao.skills.support.Scenarios;
import gov.rizhao.skills.support.Scenarios.Scenario;
import io.quarkus.test.junit.QuarkusTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every scenario an analyst wrote in rules/tests/ against the real rules, through the API. */
@QuarkusTest
class ScenarioTest {

  static Stream<Scenario> scenarios() {
    return Scenarios.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void decidesAsThePolicySays(Scenario scenario) throws Exception {
    String body =
        api()
            .body(Scenarios.JSON.writeValueAsString(scenario.caseJson()))
            .when()
            .post("/api/v1/evaluations")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonNode evaluation = Scenarios.JSON.readTree(body);
    Scenarios.check(scenario, evaluation);
  }
}
