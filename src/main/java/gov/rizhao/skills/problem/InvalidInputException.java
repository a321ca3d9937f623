package gov.rizhao.skills.problem;

import java.util.List;

/** The request is well-formed JSON but breaks the contract; every offending field is named. */
public class InvalidInputException extends RuntimeException {
  private final transient List<Problem.FieldError> errors;

  public InvalidInputException(List<Problem.FieldError> errors) {
    super(errors.size() + " invalid field(s): " + errors);
    this.errors = List.copyOf(errors);
  }

  public static InvalidInputException at(String pointer, String message) {
    return new InvalidInputException(List.of(new Problem.FieldError(pointer, message)));
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }
}
