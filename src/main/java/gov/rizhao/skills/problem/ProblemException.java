package gov.rizhao.skills.problem;

/**
 * A failure a feature expects and can explain: it knows its own problem document. Each feature's
 * exceptions extend this, so one mapper answers them all and this package imports none of them.
 */
public abstract class ProblemException extends RuntimeException {
  protected ProblemException(String message) {
    super(message);
  }

  protected ProblemException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The problem document answered for this failure. */
  public abstract Problem toProblem();
}
