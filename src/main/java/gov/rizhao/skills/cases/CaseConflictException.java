package gov.rizhao.skills.cases;

/**
 * A case id already used for a different case: ids are idempotency keys, never reused for other
 * content.
 */
public class CaseConflictException extends RuntimeException {
  public CaseConflictException(String caseId) {
    super(
        "Case "
            + caseId
            + " was already submitted with different content; a case id names one case only.");
  }
}
