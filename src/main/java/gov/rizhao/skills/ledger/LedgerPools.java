package gov.rizhao.skills.ledger;

import gov.rizhao.skills.config.SkillsConfig;
import gov.rizhao.skills.engine.ClaimPool;
import gov.rizhao.skills.facts.Claim;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The ledger seen as pools for the engine: locked for a submission, read as they are for a dry run.
 */
@ApplicationScoped
public class LedgerPools {
  /** Pools remembered for dry runs at most; beyond, the memory starts afresh. */
  static final int MAX_REMEMBERED = 100_000;

  private final PoolStore store;
  private final DataSource dataSource;
  private final long freshNanos;
  private final ConcurrentHashMap<String, Seen> seen = new ConcurrentHashMap<>();
  private volatile long changedAt = System.nanoTime();

  /** A pool's total as read, and when (System.nanoTime, taken before the read). */
  private record Seen(BigDecimal used, long at) {}

  public LedgerPools(PoolStore store, DataSource dataSource, SkillsConfig config) {
    this.store = store;
    this.dataSource = dataSource;
    this.freshNanos = config.dryRunStaleness().toNanos();
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
   * For dry runs: what the pools held at most {@code skills.dry-run-staleness} ago (1 s by
   * default), so that a dry run seldom needs the database. A submission or withdrawal on this
   * instance makes every remembered total stale at once; one on another instance is seen within the
   * bound. Submissions never use this: they lock the pools in the database.
   */
  public ClaimPool recent() {
    if (freshNanos <= 0) {
      return current();
    }
    return claims -> {
      long now = System.nanoTime();
      long changed = changedAt;
      List<String> scopes = scopes(claims);
      Map<String, BigDecimal> used = new HashMap<>();
      List<String> stale = new ArrayList<>();
      for (String scope : scopes) {
        Seen s = seen.get(scope);
        if (s != null && s.at() - changed > 0 && now - s.at() < freshNanos) {
          used.put(scope, s.used());
        } else {
          stale.add(scope);
        }
      }
      if (!stale.isEmpty()) {
        long at = System.nanoTime();
        Map<String, BigDecimal> read = read(stale);
        if (seen.size() > MAX_REMEMBERED) {
          seen.clear();
        }
        for (String scope : stale) {
          BigDecimal u = read.getOrDefault(scope, BigDecimal.ZERO);
          seen.put(scope, new Seen(u, at));
          used.put(scope, u);
        }
      }
      return used;
    };
  }

  /** This instance changed the pools (a submission or a withdrawal committed): forget them all. */
  public void changed() {
    changedAt = System.nanoTime();
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
