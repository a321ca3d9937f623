package gov.rizhao.skills.identity;

import gov.rizhao.skills.problem.Problem;
import gov.rizhao.skills.problem.ProblemException;

/** An account change that cannot be made: a taken name, unknown roles, a revoked account. */
public class AccountException extends ProblemException {
  private final int status;
  private final String type;
  private final String title;

  private AccountException(int status, String type, String title, String message) {
    super(message);
    this.status = status;
    this.type = type;
    this.title = title;
  }

  static AccountException taken(String name) {
    return new AccountException(
        409,
        "account-exists",
        "Account exists",
        "the name " + name + " is taken already (users and clients share names)");
  }

  static AccountException revoked(String name) {
    return new AccountException(
        409,
        "account-revoked",
        "Account revoked",
        name + " is revoked; create a new account instead");
  }

  static AccountException invalid(String message) {
    return new AccountException(400, "invalid-account", "Invalid account", message);
  }

  @Override
  public Problem toProblem() {
    return Problem.of(status, type, title, getMessage());
  }
}
