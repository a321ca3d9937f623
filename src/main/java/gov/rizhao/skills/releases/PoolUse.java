package gov.rizhao.skills.releases;

import gov.rizhao.skills.facts.Claim;
import gov.rizhao.skills.facts.Money;
import gov.rizhao.skills.facts.Outcome;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What a simulation's grants took from quotas and caps, beside what the recorded grants of the same
 * cases took: each shared quota (a pool of places whose exhaustion is {@code QUOTA_EXHAUSTED}, e.g.
 * a year's places of a measure) on its own, and the money caps of each measure together (how many
 * pools, how many reached their cap, how much they hold). Limits are those of the version
 * simulated.
 */
public final class PoolUse {
  /** Quotas reported one by one; a ruleset has a few per measure and year. */
  static final int MAX_QUOTAS = 1000;

  /** One quota: its limit, and the places the recorded and the simulated grants took. */
  public record Quota(
      String scope,
      String measure,
      BigDecimal limit,
      BigDecimal usedBefore,
      BigDecimal usedAfter) {}

  /** The money caps of a measure: pools used, pools at their cap, and the money they hold. */
  public record Caps(
      String measure,
      long poolsBefore,
      long poolsAfter,
      long atCapAfter,
      BigDecimal usedBefore,
      BigDecimal usedAfter) {}

  /** Both. */
  record Use(List<Quota> quotas, List<Caps> caps) {}

  private static final class QuotaTrack {
    final String measure;
    BigDecimal limit;
    BigDecimal used = BigDecimal.ZERO;

    QuotaTrack(String measure) {
      this.measure = measure;
    }
  }

  private static final class CapTrack {
    long pools;
    long atCap;
    BigDecimal used = BigDecimal.ZERO;
  }

  private final Map<String, QuotaTrack> quotas = new TreeMap<>();
  private final Map<String, CapTrack> caps = new TreeMap<>();

  /** A simulated grant's take, and what its pool has used since. */
  void took(String measure, Claim claim, BigDecimal quantity, BigDecimal usedAfter) {
    if (claim.unit() == Claim.Unit.COUNT && claim.exhaustedOutcome() == Outcome.QUOTA_EXHAUSTED) {
      QuotaTrack q = quotas.get(claim.scope());
      if (q == null && quotas.size() < MAX_QUOTAS) {
        q = new QuotaTrack(measure);
        quotas.put(claim.scope(), q);
      }
      if (q != null) {
        q.limit = claim.limit();
        q.used = usedAfter;
      }
    } else if (claim.unit() == Claim.Unit.AMOUNT) {
      CapTrack c = caps.computeIfAbsent(measure, m -> new CapTrack());
      BigDecimal usedBefore = usedAfter.subtract(quantity);
      c.pools += usedBefore.signum() == 0 ? 1 : 0;
      c.atCap +=
          usedBefore.compareTo(claim.limit()) < 0 && usedAfter.compareTo(claim.limit()) >= 0
              ? 1
              : 0;
      c.used = c.used.add(quantity);
    }
  }

  /** Quotas and caps, the recorded side read from the grants of the period's decided cases. */
  Use report(DataSource data, LocalDate from, LocalDate to) throws SQLException {
    Map<String, BigDecimal> quotaBefore = new TreeMap<>();
    Map<String, Object[]> capsBefore = new TreeMap<>();
    String grants =
        " FROM grant_claim gc JOIN grant_record g ON g.id = gc.grant_id"
            + " JOIN case_record c ON c.owner = g.owner AND c.case_id = g.case_id"
            + " WHERE c.status = 'DECIDED' AND NOT g.withdrawn"
            + " AND c.application_date >= ? AND c.application_date <= ?";
    try (Connection c = data.getConnection()) {
      if (!quotas.isEmpty()) {
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT gc.scope, SUM(gc.quantity)"
                    + grants
                    + " AND gc.scope IN ("
                    + String.join(",", Collections.nCopies(quotas.size(), "?"))
                    + ") GROUP BY gc.scope")) {
          s.setObject(1, from);
          s.setObject(2, to);
          int i = 3;
          for (String scope : quotas.keySet()) {
            s.setString(i++, scope);
          }
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              quotaBefore.put(r.getString(1), r.getBigDecimal(2));
            }
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT g.measure, COUNT(DISTINCT gc.scope), SUM(gc.quantity)"
                  + grants
                  + " AND gc.unit = 'AMOUNT' GROUP BY g.measure")) {
        s.setObject(1, from);
        s.setObject(2, to);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            capsBefore.put(r.getString(1), new Object[] {r.getLong(2), r.getBigDecimal(3)});
          }
        }
      }
    }
    List<Quota> quotaUse = new ArrayList<>();
    quotas.forEach(
        (scope, q) ->
            quotaUse.add(
                new Quota(
                    scope,
                    q.measure,
                    q.limit,
                    quotaBefore.getOrDefault(scope, BigDecimal.ZERO).stripTrailingZeros(),
                    q.used.stripTrailingZeros())));
    List<Caps> capUse = new ArrayList<>();
    caps.forEach(
        (measure, cap) -> {
          Object[] before = capsBefore.getOrDefault(measure, new Object[] {0L, BigDecimal.ZERO});
          capUse.add(
              new Caps(
                  measure,
                  (Long) before[0],
                  cap.pools,
                  cap.atCap,
                  Money.round((BigDecimal) before[1]),
                  Money.round(cap.used)));
        });
    return new Use(quotaUse, capUse);
  }
}
