package gov.rizhao.skills.config;

import jakarta.persistence.Timeout;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;

/**
 * Hibernate's PostgreSQL dialect with pessimistic-lock clauses that H2 (MODE=PostgreSQL) also
 * accepts, so one build serves PostgreSQL and the embedded H2 file.
 *
 * <p>PostgreSQLDialect (Hibernate 7.2) renders PESSIMISTIC_WRITE as {@code for no key update [of
 * alias]} and PESSIMISTIC_READ as {@code for share [of alias]}; H2 2.4 rejects both (syntax error).
 * Here both are {@code for update [of alias]}, which PostgreSQL and H2 accept. On PostgreSQL FOR
 * UPDATE is the stronger row lock (it also blocks FOR KEY SHARE, i.e. concurrent inserts of rows
 * that reference the locked row by foreign key, until commit).
 *
 * <p>Set with {@code
 * quarkus.hibernate-orm.dialect=gov.rizhao.skills.config.PortablePostgreSQLDialect}.
 */
public class PortablePostgreSQLDialect extends PostgreSQLDialect {
  public PortablePostgreSQLDialect() {
    super();
  }

  public PortablePostgreSQLDialect(DatabaseVersion version) {
    super(version);
  }

  /** The constructor Hibernate (and Quarkus' static-init dialect factory) calls. */
  public PortablePostgreSQLDialect(DialectResolutionInfo info) {
    super(info);
  }

  @Override
  public String getForUpdateString() {
    return " for update";
  }

  @Override
  public String getReadLockString(Timeout timeout) {
    return getWriteLockString(timeout);
  }

  @Override
  public String getReadLockString(String aliases, Timeout timeout) {
    return getWriteLockString(aliases, timeout);
  }

  @Override
  public String getReadLockString(int timeout) {
    return getWriteLockString(timeout);
  }

  @Override
  public String getReadLockString(String aliases, int timeout) {
    return getWriteLockString(aliases, timeout);
  }
}
