package gov.rizhao.skills.config;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one place that tells PostgreSQL from the embedded H2 where their SQL differs. */
@Singleton
public class Database {
  private final boolean postgres;

  /** The database is the one the run-time URL names (the build is the same for both). */
  public Database(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl) {
    this.postgres = jdbcUrl.startsWith("jdbc:postgresql:");
  }

  public boolean isPostgres() {
    return postgres;
  }

  /**
   * Inserts a row unless its key exists. PostgreSQL does it without a race; elsewhere two first
   * inserts of one key may meet, and the loser's duplicate key makes its transaction retry.
   *
   * @param keyCondition the key's condition on the same parameters, for the H2 form
   */
  public String insertIfAbsent(
      String table, String columns, String values, String key, String keyCondition) {
    return postgres
        ? "INSERT INTO "
            + table
            + " ("
            + columns
            + ") VALUES ("
            + values
            + ") ON CONFLICT ("
            + key
            + ") DO NOTHING"
        : "INSERT INTO "
            + table
            + " ("
            + columns
            + ") SELECT "
            + values
            + " WHERE NOT EXISTS (SELECT 1 FROM "
            + table
            + " WHERE "
            + keyCondition
            + ")";
  }
}
