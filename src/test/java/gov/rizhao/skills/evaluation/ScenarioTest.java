package gov.rizhao.skills.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import gov.rizhao.skills.engine.RulesetRegistry;
import gov.rizhao.skills.scenarios.Scenario;
import gov.rizhao.skills.scenarios.ScenarioRunner;
import gov.rizhao.skills.support.Scenarios;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every scenario an analyst wrote in rules/tests/ against the real rules, each on a ledger of
 * its own (the cases it submits before its own count against the same limits).
 */
@QuarkusTest
class ScenarioTest {
  @Inject RulesetRegistry registry;
  @Inject ScenarioRunner runner;

  static Stream<Scenario> scenarios() {
    return Scenarios.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void decidesAsThePolicySays(Scenario scenario) {
    List<String> failures = registry.withRuleset(r -> runner.failures(r, scenario));
    assertThat(failures).isEmpty();
  }
}
