package gov.rizhao.skills.releases;

import gov.rizhao.skills.engine.RuleProblem;
import gov.rizhao.skills.engine.RulesetBuildException;
import gov.rizhao.skills.problem.Problem;
import java.util.List;

/** A draft that does not build: stored as FAILED for the record, every problem listed. */
public class DraftFailedException extends RulesetBuildException {
  private final String version;

  public DraftFailedException(String version, List<RuleProblem> problems) {
    super(problems);
    this.version = version;
  }

  @Override
  public Problem toProblem() {
    Problem p = super.toProblem();
    return new Problem(
        p.type(),
        p.title(),
        p.status(),
        "草稿 "
            + version
            + " 未能构建，已保存为 FAILED，现行规则不变；请按所列位置修改后重新上传。"
            + " (The draft does not build and is kept as FAILED; nothing in force changed.)",
        p.errors(),
        p.problems());
  }
}
