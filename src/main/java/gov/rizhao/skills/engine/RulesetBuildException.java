package gov.rizhao.skills.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The rule files do not build into a usable ruleset; every problem found is listed. */
public class RulesetBuildException extends RuntimeException {
  private final transient List<RuleProblem> problems;

  public RulesetBuildException(List<RuleProblem> problems) {
    super(
        "The rules do not build ("
            + problems.size()
            + " problem"
            + (problems.size() == 1 ? "" : "s")
            + "):\n  "
            + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
    this.problems = List.copyOf(problems);
  }

  public List<RuleProblem> getProblems() {
    return problems;
  }
}
