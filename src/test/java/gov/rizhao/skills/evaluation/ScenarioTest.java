package gov.rizhao.skills.evaluation;

import static gov.rizhao.skills.support.Contract.api;
import static org.assertj.core.api.Assertions.assertThat;

import gov.rizhao.skills.scenarios.Scenario;
import gov.rizhao.skills.scenarios.ScenarioCheck;
import gov.rizhao.skills.support.Scenarios;
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
    assertThat(ScenarioCheck.failures(scenario, Scenarios.JSON.readTree(body))).isEmpty();
  }
}
