package gov.rizhao.skills.releases;

import gov.rizhao.skills.problem.Problem;
import gov.rizhao.skills.problem.ProblemException;

/**
 * A release step that cannot be taken (a file that is not a rule file, a base that may not be built
 * on, approving one's own draft, …): its status, and a message in Chinese with the English after
 * it.
 */
public class ReleaseException extends ProblemException {
  private final int status;
  private final String slug;
  private final String title;

  public ReleaseException(int status, String slug, String title, String message) {
    super(message);
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  static ReleaseException badUpload(String message) {
    return new ReleaseException(400, "invalid-upload", "Invalid upload", message);
  }

  public static ReleaseException switchedOff(String message) {
    return new ReleaseException(403, "switched-off", "Switched off in this deployment", message);
  }

  static ReleaseException notAllowed(String message) {
    return new ReleaseException(409, "release-step-refused", "Release step refused", message);
  }

  static ReleaseException forbidden(String message) {
    return new ReleaseException(403, "four-eyes", "Not by the same person", message);
  }

  static ReleaseException unknown(String version) {
    return new ReleaseException(
        404, "not-found", "Not found", "没有版本 " + version + "（no such version）");
  }

  @Override
  public Problem toProblem() {
    return Problem.of(status, slug, title, getMessage());
  }
}
