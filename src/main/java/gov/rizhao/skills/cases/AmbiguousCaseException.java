package gov.rizhao.skills.cases;

import gov.rizhao.skills.problem.Problem;
import gov.rizhao.skills.problem.ProblemException;
import java.util.List;

/** Several calling systems used one case id: an auditor must say whose case ({@code ?owner=}). */
public class AmbiguousCaseException extends ProblemException {
  public AmbiguousCaseException(String caseId, List<String> owners) {
    super(
        "case id "
            + caseId
            + " is used by "
            + owners.size()
            + " systems ("
            + String.join(", ", owners)
            + "): say which with ?owner=");
  }

  @Override
  public Problem toProblem() {
    return Problem.of(400, "ambiguous-case", "Several cases with this id", getMessage());
  }
}
