package gov.rizhao.skills.config;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The JDBC driver of the one datasource: hands each connection to H2's or PostgreSQL's driver by
 * the URL's prefix, so the database is chosen by {@code quarkus.datasource.jdbc.url} at run time.
 *
 * <p>Needed because Quarkus fixes the datasource's driver class at build time ({@code
 * quarkus.datasource.jdbc.driver} is BUILD_AND_RUN_TIME_FIXED) and Agroal hands the URL to that
 * class only. Set with {@code
 * quarkus.datasource.jdbc.driver=gov.rizhao.skills.config.UrlRoutingDriver}. Public with a public
 * no-argument constructor: Agroal instantiates it reflectively.
 */
public final class UrlRoutingDriver implements Driver {
  private static final Driver H2 = new org.h2.Driver();
  private static final Driver POSTGRESQL = new org.postgresql.Driver();

  private static Driver target(String url) {
    if (url == null) {
      return null;
    }
    if (url.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    return null;
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    Driver driver = target(url);
    // null means "not my URL" (java.sql.Driver#connect); Agroal then reports the URL as
    // unsupported.
    return driver == null ? null : driver.connect(url, info);
  }

  @Override
  public boolean acceptsURL(String url) {
    return target(url) != null;
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    Driver driver = target(url);
    return driver == null ? new DriverPropertyInfo[0] : driver.getPropertyInfo(url, info);
  }

  @Override
  public int getMajorVersion() {
    return 1;
  }

  @Override
  public int getMinorVersion() {
    return 0;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }
}
