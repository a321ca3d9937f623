package gov.rizhao.skills.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import gov.rizhao.skills.config.Database;
import gov.rizhao.skills.facts.Claim;
import gov.rizhao.skills.facts.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The totals of the limited pools (quotas, caps), one row per scope. A submission locks the rows it
 * takes from, in scope order, until its transaction ends: concurrent submissions, on one instance
 * or several sharing the database, queue on the same rows and never both take the last place.
 */
@ApplicationScoped
public class PoolStore {
  private final EntityManager em;
  private final Database database;

  public PoolStore(EntityManager em, Database database) {
    this.em = em;
    this.database = database;
  }

  /**
   * Creates the missing pools, locks all of them in scope order and returns what each has used. In
   * a transaction.
   */
  public Map<String, BigDecimal> lock(Collection<Claim> claims) {
    Map<String, Claim> byScope = new TreeMap<>();
    claims.forEach(c -> byScope.putIfAbsent(c.scope(), c));
    Instant now = Instant.now();
    if (database.isPostgres()) {
      // One statement per pool: creates the row or, if it exists, locks it (an upsert takes the row
      // lock), and
      // returns what it has used. Rows are taken in scope order, as below.
      Map<String, BigDecimal> used = new HashMap<>();
      for (Claim c : byScope.values()) {
        Object value =
            em.createNativeQuery(
                    "INSERT INTO pool_total (scope, unit, used, pool_limit, updated_at) "
                        + "VALUES (?1, ?2, 0, ?3, ?4) ON CONFLICT (scope) DO UPDATE SET scope = EXCLUDED.scope RETURNING used")
                .setParameter(1, c.scope())
                .setParameter(2, c.unit().name())
                .setParameter(3, c.limit())
                .setParameter(4, now)
                .getSingleResult();
        used.put(c.scope(), decimal(value));
      }
      return used;
    }
    for (Claim c : byScope.values()) {
      em.createNativeQuery(
              database.insertIfAbsent(
                  "pool_total",
                  "scope, unit, used, pool_limit, updated_at",
                  "?1, ?2, 0, ?3, ?4",
                  "scope",
                  "scope = ?1"))
          .setParameter(1, c.scope())
          .setParameter(2, c.unit().name())
          .setParameter(3, c.limit())
          .setParameter(4, now)
          .executeUpdate();
    }
    return select(List.copyOf(byScope.keySet()), true);
  }

  /**
   * Locks existing pools in scope order, e.g. to give back what a withdrawn case took. In a
   * transaction.
   */
  public void lockExisting(Collection<String> scopes) {
    select(scopes.stream().sorted().toList(), true);
  }

  /** What each pool has used, without locking (a dry run's view). */
  public Map<String, BigDecimal> read(Collection<String> scopes) {
    return select(scopes.stream().sorted().toList(), false);
  }

  /**
   * Adds what a grant took; the row must be locked by this transaction. A period pool keeps the
   * latest month granted. The limit seen last is kept for reports.
   */
  public void take(Claim claim, BigDecimal quantity) {
    String used = claim.unit() == Claim.Unit.PERIOD ? "GREATEST(used, ?1)" : "used + ?1";
    em.createNativeQuery(
            "UPDATE pool_total SET used = "
                + used
                + ", pool_limit = ?2, updated_at = ?3 WHERE scope = ?4")
        .setParameter(1, quantity)
        .setParameter(2, claim.limit())
        .setParameter(3, Instant.now())
        .setParameter(4, claim.scope())
        .executeUpdate();
  }

  /** Gives back what withdrawn grants took; the row must be locked by this transaction. */
  public void giveBack(String scope, BigDecimal quantity) {
    em.createNativeQuery("UPDATE pool_total SET used = used - ?1, updated_at = ?2 WHERE scope = ?3")
        .setParameter(1, quantity)
        .setParameter(2, Instant.now())
        .setParameter(3, scope)
        .executeUpdate();
  }

  /**
   * Sets a period pool to the latest month its live grants hold (0 when none), after some were
   * withdrawn; the row must be locked by this transaction and the withdrawals flushed.
   */
  public void recomputePeriod(String scope) {
    em.createNativeQuery(
            "UPDATE pool_total SET used = COALESCE((SELECT MAX(c.quantity) FROM grant_claim c"
                + " JOIN grant_record g ON g.id = c.grant_id WHERE c.scope = ?1 AND g.withdrawn = FALSE), 0),"
                + " updated_at = ?2 WHERE scope = ?1")
        .setParameter(1, scope)
        .setParameter(2, Instant.now())
        .executeUpdate();
  }

  /** A page of pools and how many there are in all. */
  public record PoolPage(long total, List<PoolView> pools) {}

  /**
   * Pools in scope order, a page at a time: every pool, or (with {@code grantFilter}, SQL on {@code
   * grant_record g} with named parameters) those the matching grants took from. One statement with
   * a subquery, so any number of pools can match.
   */
  public PoolPage pools(
      Optional<String> grantFilter, Map<String, Object> params, int offset, int limit) {
    String where =
        grantFilter
            .map(
                f ->
                    " WHERE p.scope IN (SELECT c.scope FROM grant_claim c"
                        + " JOIN grant_record g ON g.id = c.grant_id WHERE "
                        + f
                        + ")")
            .orElse("");
    var count = em.createNativeQuery("SELECT COUNT(*) FROM pool_total p" + where, Long.class);
    var page =
        em.createNativeQuery(
            "SELECT p.scope, p.unit, p.used, p.pool_limit FROM pool_total p"
                + where
                + " ORDER BY p.scope LIMIT :limit OFFSET :offset",
            Object[].class);
    params.forEach(
        (name, value) -> {
          count.setParameter(name, value);
          page.setParameter(name, value);
        });
    page.setParameter("limit", limit).setParameter("offset", offset);
    long total = ((Number) count.getSingleResult()).longValue();
    @SuppressWarnings("unchecked")
    List<Object[]> rows = page.getResultList();
    return new PoolPage(
        total,
        rows.stream()
            .map(r -> PoolView.of((String) r[0], (String) r[1], decimal(r[2]), decimal(r[3])))
            .toList());
  }

  private Map<String, BigDecimal> select(List<String> scopes, boolean forUpdate) {
    if (scopes.isEmpty()) {
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT scope, used FROM pool_total WHERE scope IN (?1) ORDER BY scope"
                    + (forUpdate ? " FOR UPDATE" : ""),
                Object[].class)
            .setParameter(1, scopes)
            .getResultList();
    Map<String, BigDecimal> used = new HashMap<>();
    for (Object[] r : rows) {
      used.put((String) r[0], decimal(r[1]));
    }
    return used;
  }

  private static BigDecimal decimal(Object o) {
    return o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
  }

  /**
   * A pool's state: how much of its limit is used and what remains; for a period pool, the last
   * month granted ({@code until}) instead.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PoolView(
      String scope,
      String unit,
      BigDecimal used,
      BigDecimal limit,
      BigDecimal remaining,
      YearMonth until) {
    static PoolView of(String scope, String unit, BigDecimal used, BigDecimal limit) {
      if (Claim.Unit.PERIOD.name().equals(unit)) {
        return new PoolView(
            scope, unit, null, null, null, used.signum() > 0 ? Claim.yearMonth(used) : null);
      }
      BigDecimal remaining = limit.subtract(used).max(BigDecimal.ZERO);
      boolean count = Claim.Unit.COUNT.name().equals(unit);
      return new PoolView(
          scope,
          unit,
          count ? used.stripTrailingZeros() : Money.round(used),
          count ? limit.stripTrailingZeros() : Money.round(limit),
          count ? remaining.stripTrailingZeros() : Money.round(remaining),
          null);
    }
  }
}
