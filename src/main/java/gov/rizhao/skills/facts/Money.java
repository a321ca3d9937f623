package gov.rizhao.skills.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is yuan in decimals, rounded half-up to the fen only when shown or stored. */
public final class Money {
  private Money() {}

  /** The amount to two decimals, half-up; null stays null. */
  public static BigDecimal round(BigDecimal amount) {
    return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
  }
}
