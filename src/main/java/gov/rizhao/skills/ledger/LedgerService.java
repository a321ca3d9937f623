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

  public LedgerView report(Integer year, String measure, String organization, String person) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              StringBuilder filters = new StringBuilder("1 = 1");
              Map<String, Object> params = new HashMap<>();
              if (year != null) {
                filters.append(" and g.year = :year");
                params.put("year", year);
              }
              if (measure != null) {
                filters.append(" and g.measure = :measure");
                params.put("measure", measure);
              }
              if (organization != null) {
                filters.append(" and g.organizationId = :organization");
                params.put("organization", organization);
              }
              if (person != null) {
                filters.append(" and g.personId = :person");
                params.put("person", person);
              }
              var totals =
                  em.createQuery(
                      "select g.measure, count(g), coalesce(sum(g.amount), 0) from GrantRecord g where "
                          + filters
                          + " and g.withdrawn = false group by g.measure order by g.measure",
                      Object[].class);
              params.forEach(totals::setParameter);
              List<LedgerView.MeasureTotal> byMeasure = new ArrayList<>();
              long grants = 0;
              BigDecimal amount = BigDecimal.ZERO;
              for (Object[] row : totals.getResultList()) {
                long n = ((Number) row[1]).longValue();
                BigDecimal sum = Money.round(new BigDecimal(row[2].toString()));
                byMeasure.add(new LedgerView.MeasureTotal((String) row[0], n, sum));
                grants += n;
                amount = amount.add(sum);
              }
              List<String> scopes = null;
              if (!params.isEmpty()) {
                // Pools touched by any matching grant, withdrawn ones too: a released pool shows
                // what it got back.
                var scopeQuery =
                    em.createQuery(
                        "select distinct c.scope from GrantRecord g join g.claims c where "
                            + filters,
                        String.class);
                params.forEach(scopeQuery::setParameter);
                scopes = scopeQuery.getResultList();
              }
              return new LedgerView(
                  year,
                  measure,
                  organization,
                  person,
                  grants,
                  Money.round(amount),
                  byMeasure,
                  pools.pools(scopes));
            });
  }
}
