package gov.rizhao.skills.cases;

import gov.rizhao.skills.problem.Problem;
import gov.rizhao.skills.problem.ProblemException;

/**
 * A case id already used for a different case: ids are idempotency keys, never reused for other
 * content.
 */
public class CaseConflictException extends ProblemException {
  public CaseConflictException(String caseId) {
    super(
        "Case "
            + caseId
            + " was already submitted with different content; a case id names one case only.");
  }

  @Override
  public Problem toProblem() {
    return Problem.of(409, "case-conflict", "Case id already used", getMessage());
  }
}
