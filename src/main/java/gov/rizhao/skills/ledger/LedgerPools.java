package gov.rizhao.skills.ledger;

import gov.rizhao.skills.engine.ClaimPool;
import gov.rizhao.skills.facts.Claim;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The ledger seen as pools for the engine: locked for a submission, read as they are for a dry run.
 */
@ApplicationScoped
public class LedgerPools {
  private final PoolStore store;
  private final DataSource dataSource;

  public LedgerPools(PoolStore store, DataSource dataSource) {
    this.store = store;
    this.dataSource = dataSource;
  }

  /** Locks the pools a case claims from until the caller's transaction ends. */
  public ClaimPool locking() {
    return store::lock;
  }

  /** What the pools hold now, without locking: what a submission would get if made now. */
  public ClaimPool current() {
    return claims -> read(scopes(claims));
  }

  /**
   * For many cases at once (a batch): each pool is read from the database once, each case is still
   * decided against the ledger alone, not against the other cases of the batch.
   */
  public ClaimPool memoized() {
    Map<String, BigDecimal> known = new HashMap<>();
    return claims -> {
      List<String> missing = scopes(claims).stream().filter(s -> !known.containsKey(s)).toList();
      if (!missing.isEmpty()) {
        Map<String, BigDecimal> read = read(missing);
        for (String scope : missing) {
          known.put(scope, read.getOrDefault(scope, BigDecimal.ZERO));
        }
      }
      Map<String, BigDecimal> used = new HashMap<>();
      for (String scope : scopes(claims)) {
        used.put(scope, known.get(scope));
      }
      return used;
    };
  }

  /**
   * One statement on an autocommit connection: a dry run needs the committed totals, not a
   * transaction (a JTA transaction and an ORM session cost more than the query).
   */
  private Map<String, BigDecimal> read(List<String> scopes) {
    StringBuilder sql = new StringBuilder("SELECT scope, used FROM pool_total WHERE scope IN (");
    for (int i = 0; i < scopes.size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
    }
    sql.append(')');
    Map<String, BigDecimal> used = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < scopes.size(); i++) {
        statement.setString(i + 1, scopes.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          used.put(rows.getString(1), rows.getBigDecimal(2));
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("reading the ledger's pools failed", e);
    }
    return used;
  }

  private static List<String> scopes(Collection<Claim> claims) {
    return claims.stream().map(Claim::scope).distinct().toList();
  }
}
