package gov.rizhao.skills.facts;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * What a grant takes from a limited pool. The rules name the pool (its scope) and its limit; the
 * engine applies the claims of a case in decision order, against what earlier cases took, so limits
 * hold across decisions and cases.
 *
 * <ul>
 *   <li>{@link Unit#COUNT}: one place of a quota of {@code limit} places;
 *   <li>{@link Unit#AMOUNT}: the decision's cash against a cap of {@code limit} yuan, cut to what
 *       is left;
 *   <li>{@link Unit#PERIOD}: a period of months, from {@code limit} to {@code until} (months
 *       counted from year 0), that must not overlap one granted before in the same pool, e.g. a
 *       running term of office.
 * </ul>
 *
 * <p>Messages may use {@code {limit}}, {@code {remaining}}, {@code {granted}} and, for a period,
 * {@code {until}}: the last month of the period already granted.
 */
public record Claim(
    String scope,
    Unit unit,
    BigDecimal limit,
    BigDecimal until,
    Outcome exhaustedOutcome,
    String exhaustedCode,
    String exhaustedMessage,
    String cutCode,
    String cutMessage) {

  /** How a pool counts what its grants took. */
  public enum Unit {
    /** Places: each grant takes one; full when none is left. */
    COUNT,
    /** Money: each grant takes its cash; the last may be cut to what is left. */
    AMOUNT,
    /** Months: the pool holds the last month granted; a new period must start after it. */
    PERIOD;

    /**
     * True when a claim with this limit can take nothing more from a pool that has used {@code
     * used}.
     */
    public boolean exhausted(BigDecimal used, BigDecimal limit) {
      return switch (this) {
        case COUNT -> limit.subtract(used).compareTo(BigDecimal.ONE) < 0;
        case AMOUNT -> limit.subtract(used).signum() <= 0;
        case PERIOD -> used.signum() > 0 && used.compareTo(limit) >= 0;
      };
    }

    /** What the pool has used once a grant took {@code quantity} on top of {@code used}. */
    public BigDecimal add(BigDecimal used, BigDecimal quantity) {
      return this == PERIOD ? used.max(quantity) : used.add(quantity);
    }
  }

  /** A month as a period claim counts it: months from January of year 0. */
  public static BigDecimal month(YearMonth month) {
    return BigDecimal.valueOf(month.getYear() * 12L + month.getMonthValue() - 1);
  }

  /** The month a period claim's number stands for. */
  public static YearMonth yearMonth(BigDecimal month) {
    long m = month.longValueExact();
    return YearMonth.of((int) (m / 12), (int) (m % 12) + 1);
  }
}
