package gov.rizhao.skills.common;

import java.sql.SQLException;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;

/** What a failure was caused by: the root cause, and the SQL state a database gave it. */
public final class Throwables {
  /** SQL state of a unique key violation (PostgreSQL and H2 alike). */
  public static final String UNIQUE_VIOLATION = "23505";

  private Throwables() {}

  /** The innermost cause. */
  public static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  /** The root cause's message, or its class when it has none. */
  public static String rootMessage(Throwable e) {
    Throwable root = rootCause(e);
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }

  /** The first SQL state found along the causes, outermost first. */
  public static Optional<String> sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return Optional.of(sql.getSQLState());
      }
    }
    return Optional.empty();
  }

  /** True when the failure is, or is caused by, an exception of the given type. */
  public static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when a unique key or primary key was violated: another transaction wrote the same key
   * first.
   */
  public static boolean isDuplicateKey(Throwable e) {
    return causedBy(e, ConstraintViolationException.class)
        || sqlState(e).filter(UNIQUE_VIOLATION::equals).isPresent();
  }
}
