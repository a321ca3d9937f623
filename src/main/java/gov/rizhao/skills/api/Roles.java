package gov.rizhao.skills.api;

import java.util.Set;

/**
 * The roles of the service. A calling system is a {@code caller}; people are analysts, approvers,
 * auditors or administrators (an administrator manages accounts and clients only, unless also given
 * a business role).
 */
public final class Roles {
  /** Evaluates and submits cases, reads and withdraws its own, reads ledger totals. */
  public static final String CALLER = "caller";

  /** Reads rules and measures, uploads and tests drafts, runs simulations. */
  public static final String ANALYST = "analyst";

  /** Approves, activates and rolls back rule versions (never their own drafts). */
  public static final String APPROVER = "approver";

  /** Reads every case, the ledger and the audit log. */
  public static final String AUDITOR = "auditor";

  /** Manages accounts and clients. */
  public static final String ADMIN = "admin";

  public static final Set<String> ALL = Set.of(CALLER, ANALYST, APPROVER, AUDITOR, ADMIN);

  private Roles() {}
}
