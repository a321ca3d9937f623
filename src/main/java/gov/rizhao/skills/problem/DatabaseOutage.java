package gov.rizhao.skills.problem;

import gov.rizhao.skills.common.Throwables;
import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a failure to reach the database from other failures: the former answers 503, the caller may
 * retry.
 */
final class DatabaseOutage {
  private DatabaseOutage() {}

  static boolean isCause(Throwable e) {
    return Throwables.causedBy(e, JDBCConnectionException.class)
        || Throwables.causedBy(e, SQLTransientConnectionException.class)
        || Throwables.causedBy(e, SQLNonTransientConnectionException.class)
        || Throwables.causedBy(e, ConnectException.class)
        // SQL state class 08: connection exception; 57P01-57P03: the server is shutting down or not
        // accepting.
        || Throwables.sqlState(e)
            .filter(s -> s.startsWith("08") || s.startsWith("57P"))
            .isPresent();
  }
}
