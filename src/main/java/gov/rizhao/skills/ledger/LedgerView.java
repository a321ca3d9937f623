package gov.rizhao.skills.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * Ledger totals for the filters given, and one page of the pools those grants took from ({@code
 * poolCount} in all, in scope order).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerView(
    Integer year,
    String measure,
    String organization,
    String person,
    long grants,
    BigDecimal amount,
    List<MeasureTotal> byMeasure,
    List<PoolStore.PoolView> pools,
    int page,
    int size,
    long poolCount) {

  /** Live (not withdrawn) grants of one measure and their money. */
  public record MeasureTotal(String measure, long grants, BigDecimal amount) {}
}
