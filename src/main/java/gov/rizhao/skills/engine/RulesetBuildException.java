package gov.rizhao.skills.engine;

import gov.rizhao.skills.problem.Problem;
import gov.rizhao.skills.problem.ProblemException;
import java.util.List;
import java.util.stream.Collectors;

/** The rule files do not build into a usable ruleset; every problem found is listed. */
public class RulesetBuildException extends ProblemException {
  private final transient List<RuleProblem> problems;

  public RulesetBuildException(List<RuleProblem> problems) {
    super(
        "规则文件有 "
            + problems.size()
            + " 处问题（the rules do not build）：\n  "
            + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
    this.problems = List.copyOf(problems);
  }

  public List<RuleProblem> getProblems() {
    return problems;
  }

  @Override
  public Problem toProblem() {
    return new Problem(
        Problem.type("rules-do-not-build"),
        "The rules do not build",
        422,
        "规则文件有问题，未生效；原规则继续服务。请按所列位置修改后重新提交。"
            + " (The rule files have problems; the running ruleset keeps serving.)",
        List.of(),
        problems.stream().map(RulesetBuildException::error).toList());
  }

  private static Problem.RuleError error(RuleProblem p) {
    return new Problem.RuleError(
        p.file(), p.location(), p.message(), p.sheet(), p.row(), p.column(), p.line());
  }
}
