package gov.rizhao.skills.releases;

import gov.rizhao.skills.engine.RuleFile;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.scenarios.Scenario;
import gov.rizhao.skills.scenarios.ScenarioFormatException;
import gov.rizhao.skills.scenarios.ScenarioReader;
import gov.rizhao.skills.scenarios.ScenarioRunner;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a version's scenario files against its ruleset: how many ran, and what failed, in Chinese.
 */
@ApplicationScoped
public class ScenarioResults {
  private final ScenarioRunner runner;

  public ScenarioResults(ScenarioRunner runner) {
    this.runner = runner;
  }

  /** The outcome of the scenarios of a version. */
  public record Outcome(int run, int failed, List<String> failures) {}

  public Outcome run(Ruleset ruleset, List<RuleFile> scenarioFiles) {
    int run = 0;
    int failed = 0;
    List<String> failures = new ArrayList<>();
    for (RuleFile file : scenarioFiles) {
      List<Scenario> scenarios;
      try {
        scenarios = ScenarioReader.read(file.relativeName(), file.content());
      } catch (ScenarioFormatException e) {
        failures.add(file.relativeName() + "：" + e.getMessage());
        run++;
        failed++;
        continue;
      }
      for (Scenario s : scenarios) {
        run++;
        List<String> found = runner.failures(ruleset, s);
        failed += found.isEmpty() ? 0 : 1;
        failures.addAll(found);
      }
    }
    return new Outcome(run, failed, failures);
  }
}
