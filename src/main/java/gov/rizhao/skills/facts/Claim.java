package gov.rizhao.skills.facts;

import java.math.BigDecimal;

/**
 * What a grant takes from a limited pool: a quota of places ({@link Unit#COUNT}, one each) or a cap
 * of money ({@link Unit#AMOUNT}, the decision's cash). The rules name the pool (its scope) and its
 * limit; the engine applies the claims of a case in decision order, against what earlier cases
 * used, so caps hold across hires and cases.
 *
 * <p>Messages may use {@code {limit}}, {@code {remaining}} and {@code {granted}}.
 */
public record Claim(
    String scope,
    Unit unit,
    BigDecimal limit,
    Outcome exhaustedOutcome,
    String exhaustedCode,
    String exhaustedMessage,
    String cutCode,
    String cutMessage) {

  public enum Unit {
    COUNT,
    AMOUNT
  }
}
