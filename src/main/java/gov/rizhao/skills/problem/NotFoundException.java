package gov.rizhao.skills.problem;

/** What was asked for does not exist (or is not the caller's to see): 404. */
public class NotFoundException extends ProblemException {
  public NotFoundException(String message) {
    super(message);
  }

  @Override
  public Problem toProblem() {
    return Problem.of(404, "not-found", "Not found", getMessage());
  }
}
