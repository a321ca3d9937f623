package gov.rizhao.skills.releases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an impact simulation found, gathered case by case: per measure the decisions whose outcome
 * changed (before → after), and per measure and year the grants (places of quotas) and money (of
 * caps and awards) before and after; and the first changed cases side by side.
 */
public final class SimulationReport {
  /** Changed cases kept for reading side by side. */
  static final int FIRST_CHANGED = 20;

  private final Set<String> measures;
  private final Map<String, Measure> byMeasure = new TreeMap<>();
  private final List<ChangedCase> changed = new ArrayList<>();
  private long cases;
  private long changedCases;

  /** One decision's outcome and amount. */
  public record Side(String outcome, BigDecimal amount) {}

  /** A case whose decision for a measure changed, before and after. */
  public record ChangedCase(
      String owner,
      String caseId,
      LocalDate applicationDate,
      String measure,
      String subject,
      Side before,
      Side after) {}

  /** Grants and money of a measure in a year, before and after. */
  public record Year(
      int year,
      long grantsBefore,
      long grantsAfter,
      BigDecimal amountBefore,
      BigDecimal amountAfter) {}

  /** The result of one measure. */
  public record MeasureResult(
      String measure,
      long decisions,
      long changed,
      Map<String, Long> transitions,
      BigDecimal amountBefore,
      BigDecimal amountAfter,
      BigDecimal difference,
      List<Year> byYear) {}

  /** The whole result. */
  public record Result(
      long cases,
      long changedCases,
      List<MeasureResult> measures,
      List<PoolUse.Quota> quotas,
      List<PoolUse.Caps> caps,
      List<ChangedCase> firstChanged) {}

  private static final class Measure {
    long decisions;
    long changed;
    final Map<String, Long> transitions = new TreeMap<>();
    final Map<Integer, long[]> grants = new TreeMap<>();
    final Map<Integer, BigDecimal[]> amounts = new TreeMap<>();
  }

  SimulationReport(Set<String> measures) {
    this.measures = measures;
  }

  /** Adds one case: its decisions as recorded and as the version under test gives them. */
  void add(
      String owner,
      String caseId,
      LocalDate date,
      List<StoredDecisions.Outcome> before,
      List<StoredDecisions.Outcome> after) {
    cases++;
    Map<String, StoredDecisions.Outcome> was = new TreeMap<>();
    before.forEach(o -> was.put(o.key(), o));
    Map<String, StoredDecisions.Outcome> now = new TreeMap<>();
    after.forEach(o -> now.put(o.key(), o));
    Set<String> keys = new java.util.TreeSet<>(was.keySet());
    keys.addAll(now.keySet());
    boolean caseChanged = false;
    for (String key : keys) {
      StoredDecisions.Outcome b = was.get(key);
      StoredDecisions.Outcome a = now.get(key);
      String measure = (a != null ? a : b).measure();
      if (!measures.isEmpty() && !measures.contains(measure)) {
        continue;
      }
      Measure m = byMeasure.computeIfAbsent(measure, k -> new Measure());
      m.decisions++;
      String from = b == null ? "NONE" : b.outcome();
      String to = a == null ? "NONE" : a.outcome();
      BigDecimal amountBefore = b == null ? BigDecimal.ZERO : b.amount();
      BigDecimal amountAfter = a == null ? BigDecimal.ZERO : a.amount();
      int year = date.getYear();
      long[] g = m.grants.computeIfAbsent(year, y -> new long[2]);
      g[0] += "ELIGIBLE".equals(from) ? 1 : 0;
      g[1] += "ELIGIBLE".equals(to) ? 1 : 0;
      BigDecimal[] money =
          m.amounts.computeIfAbsent(year, y -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      money[0] = money[0].add(amountBefore);
      money[1] = money[1].add(amountAfter);
      if (!from.equals(to) || amountBefore.compareTo(amountAfter) != 0) {
        m.changed++;
        m.transitions.merge(from + "→" + to, 1L, Long::sum);
        caseChanged = true;
        if (changed.size() < FIRST_CHANGED) {
          changed.add(
              new ChangedCase(
                  owner,
                  caseId,
                  date,
                  measure,
                  (a != null ? a : b).subject(),
                  b == null ? null : new Side(b.outcome(), b.amount()),
                  a == null ? null : new Side(a.outcome(), a.amount())));
        }
      }
    }
    changedCases += caseChanged ? 1 : 0;
  }

  Result result(PoolUse.Use pools) {
    List<MeasureResult> results = new ArrayList<>();
    byMeasure.forEach(
        (id, m) -> {
          List<Year> years = new ArrayList<>();
          BigDecimal before = BigDecimal.ZERO;
          BigDecimal after = BigDecimal.ZERO;
          for (Map.Entry<Integer, long[]> e : m.grants.entrySet()) {
            BigDecimal[] money = m.amounts.get(e.getKey());
            years.add(new Year(e.getKey(), e.getValue()[0], e.getValue()[1], money[0], money[1]));
            before = before.add(money[0]);
            after = after.add(money[1]);
          }
          results.add(
              new MeasureResult(
                  id,
                  m.decisions,
                  m.changed,
                  m.transitions,
                  before,
                  after,
                  after.subtract(before),
                  years));
        });
    return new Result(cases, changedCases, results, pools.quotas(), pools.caps(), changed);
  }
}
