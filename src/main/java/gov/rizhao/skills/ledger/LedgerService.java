package gov.rizhao.skills.ledger;

import gov.rizhao.skills.facts.Money;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports on the ledger: live grants by measure, and how much of each quota and cap is used and
 * left.
 */
@ApplicationScoped
public class LedgerService {
  private final EntityManager em;
  private final PoolStore pools;

  public LedgerService(EntityManager em, PoolStore pools) {
    this.em = em;
    this.pools = pools;
  }

  /** The totals for the filters, and one page of the pools their grants took from. */
  public LedgerView report(
      Integer year, String measure, String organization, String person, int page, int size) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder filters = new StringBuilder("1 = 1");
    filter(filters, params, "g.grant_year", "year", year);
    filter(filters, params, "g.measure", "measure", measure);
    filter(filters, params, "g.organization_id", "organization", organization);
    filter(filters, params, "g.person_id", "person", person);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var totals =
                  em.createNativeQuery(
                      "SELECT g.measure, COUNT(*), COALESCE(SUM(g.amount), 0) FROM grant_record g"
                          + " WHERE "
                          + filters
                          + " AND g.withdrawn = FALSE GROUP BY g.measure ORDER BY g.measure",
                      Object[].class);
              params.forEach(totals::setParameter);
              List<LedgerView.MeasureTotal> byMeasure = new ArrayList<>();
              long grants = 0;
              BigDecimal amount = BigDecimal.ZERO;
              @SuppressWarnings("unchecked")
              List<Object[]> rows = totals.getResultList();
              for (Object[] row : rows) {
                long n = ((Number) row[1]).longValue();
                BigDecimal sum = Money.round(new BigDecimal(row[2].toString()));
                byMeasure.add(new LedgerView.MeasureTotal((String) row[0], n, sum));
                grants += n;
                amount = amount.add(sum);
              }
              // Pools touched by any matching grant, withdrawn ones too: a released pool shows
              // what it got back. Every pool when nothing is filtered.
              PoolStore.PoolPage pools =
                  this.pools.pools(
                      params.isEmpty() ? Optional.empty() : Optional.of(filters.toString()),
                      params,
                      page * size,
                      size);
              return new LedgerView(
                  year,
                  measure,
                  organization,
                  person,
                  grants,
                  Money.round(amount),
                  byMeasure,
                  pools.pools(),
                  page,
                  size,
                  pools.total());
            });
  }

  private static void filter(
      StringBuilder filters, Map<String, Object> params, String column, String name, Object value) {
    if (value != null) {
      filters.append(" AND ").append(column).append(" = :").append(name);
      params.put(name, value);
    }
  }

  /** A live grant that took from a pool: which case, when, how much of the pool. */
  public record PoolGrant(
      String owner,
      String caseId,
      String measure,
      String subject,
      int year,
      BigDecimal amount,
      BigDecimal taken,
      java.time.Instant at) {}

  /** The live grants that took from the pool {@code scope}, newest first, at most {@code limit}. */
  public List<PoolGrant> grantsOf(String scope, int limit) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              @SuppressWarnings("unchecked")
              List<Object[]> rows =
                  em.createNativeQuery(
                          "SELECT g.owner, g.case_id, g.measure, g.subject, g.grant_year, g.amount,"
                              + " c.quantity, g.created_at FROM grant_record g JOIN grant_claim c"
                              + " ON c.grant_id = g.id WHERE c.scope = ?1 AND g.withdrawn = FALSE"
                              + " ORDER BY g.id DESC",
                          Object[].class)
                      .setParameter(1, scope)
                      .setMaxResults(limit)
                      .getResultList();
              List<PoolGrant> out = new ArrayList<>(rows.size());
              for (Object[] r : rows) {
                out.add(
                    new PoolGrant(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        ((Number) r[4]).intValue(),
                        r[5] == null ? null : Money.round(new BigDecimal(r[5].toString())),
                        r[6] == null ? null : new BigDecimal(r[6].toString()),
                        r[7] instanceof java.sql.Timestamp t
                            ? t.toInstant()
                            : r[7] instanceof java.time.Instant i
                                ? i
                                : r[7] instanceof java.time.OffsetDateTime o
                                    ? o.toInstant()
                                    : null));
              }
              return out;
            });
  }
}
