package gov.rizhao.skills.facts;

/** A condition of a measure that the case does not meet: makes the decision INELIGIBLE. */
public class Unmet {
  private final Decision decision;
  private final String code;
  private final String message;

  public Unmet(Decision decision, String code, String message) {
    this.decision = decision;
    this.code = code;
    this.message = message;
  }

  public Decision getDecision() {
    return decision;
  }

  /** Stable upper-case code, e.g. {@code QUALIFICATION_TOO_LOW}. */
  public String getCode() {
    return code;
  }

  /** Chinese explanation for the applicant. */
  public String getMessage() {
    return message;
  }
}
