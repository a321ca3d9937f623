package gov.rizhao.skills.engine;

import gov.rizhao.skills.problem.Problem;
import gov.rizhao.skills.problem.ProblemException;

/** No ruleset can answer: none has built yet, or the version asked for is not stored. */
public class RulesetUnavailableException extends ProblemException {
  private final int status;

  private RulesetUnavailableException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The service has no active ruleset: 503, retry later. */
  public static RulesetUnavailableException noActive(String why) {
    return new RulesetUnavailableException(503, "没有可用的规则集（no ruleset is active）：" + why);
  }

  /** The version's files are not stored: 404. */
  public static RulesetUnavailableException unknownVersion(String version) {
    return new RulesetUnavailableException(404, "规则版本 " + version + " 未保存（not stored）");
  }

  @Override
  public Problem toProblem() {
    return status == 503
        ? Problem.of(503, "no-ruleset", "No ruleset", getMessage())
        : Problem.of(404, "unknown-ruleset-version", "Unknown ruleset version", getMessage());
  }
}
