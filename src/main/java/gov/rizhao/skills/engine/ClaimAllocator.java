package gov.rizhao.skills.engine;

import gov.rizhao.skills.facts.Claim;
import gov.rizhao.skills.facts.Decision;
import gov.rizhao.skills.facts.Money;
import gov.rizhao.skills.facts.Note;
import gov.rizhao.skills.facts.Outcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the claims of one case's eligible decisions in order: each takes a place of a quota or
 * money from a cap, on top of what earlier cases used and what earlier decisions of this case took.
 * A cap with less left than asked cuts the cash; a pool with nothing left turns the decision into
 * its claim's exhausted outcome.
 */
final class ClaimAllocator {
  private final Map<String, BigDecimal> used;

  ClaimAllocator(Map<String, BigDecimal> usedBefore) {
    this.used = new HashMap<>(usedBefore);
  }

  /**
   * Applies the decision's claims; adds notes or reasons to {@code reasons} and what was taken to
   * {@code taken}; returns the outcome.
   */
  Outcome allocate(Decision decision, List<Note> reasons, List<EvaluatedDecision.Taken> taken) {
    List<Claim> claims = decision.getClaims();
    for (Claim claim : claims) {
      BigDecimal remaining =
          claim.limit().subtract(used.getOrDefault(claim.scope(), BigDecimal.ZERO));
      boolean exhausted =
          claim.unit() == Claim.Unit.COUNT
              ? remaining.compareTo(BigDecimal.ONE) < 0
              : remaining.signum() <= 0;
      if (exhausted) {
        decision.withdrawBenefits();
        reasons.add(
            new Note(
                claim.exhaustedCode(), format(claim.exhaustedMessage(), claim, remaining, null)));
        return claim.exhaustedOutcome();
      }
      if (claim.unit() == Claim.Unit.AMOUNT && decision.getAmount().compareTo(remaining) > 0) {
        decision.cutMoneyTo(remaining);
        reasons.add(
            new Note(
                claim.cutCode(),
                format(claim.cutMessage(), claim, remaining, decision.getAmount())));
      }
    }
    for (Claim claim : claims) {
      BigDecimal quantity =
          claim.unit() == Claim.Unit.COUNT ? BigDecimal.ONE : decision.getAmount();
      used.merge(claim.scope(), quantity, BigDecimal::add);
      taken.add(new EvaluatedDecision.Taken(claim, quantity));
    }
    return Outcome.ELIGIBLE;
  }

  private static String format(
      String message, Claim claim, BigDecimal remaining, BigDecimal granted) {
    if (message == null) {
      return null;
    }
    return message
        .replace("{limit}", show(claim, claim.limit()))
        .replace("{remaining}", show(claim, remaining.max(BigDecimal.ZERO)))
        .replace("{granted}", granted == null ? "" : show(claim, granted));
  }

  private static String show(Claim claim, BigDecimal n) {
    return claim.unit() == Claim.Unit.COUNT
        ? n.setScale(0, RoundingMode.DOWN).toPlainString()
        : Money.round(n).toPlainString();
  }
}
