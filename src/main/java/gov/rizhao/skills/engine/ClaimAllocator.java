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
 * Applies the claims of one case's eligible decisions in order: each takes a place of a quota,
 * money from a cap or a period of months, on top of what earlier cases used and what earlier
 * decisions of this case took. A cap with less left than asked cuts the cash; a pool with nothing
 * left turns the decision into its claim's exhausted outcome.
 */
final class ClaimAllocator {
  /** The reason when a limit is keyed on an identity the case does not give. */
  static final String IDENTITY_MISSING = "IDENTITY_MISSING";

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
      if (unidentified(claim.scope())) {
        decision.withdrawBenefits();
        reasons.add(
            new Note(IDENTITY_MISSING, "该待遇按编号计数（" + claim.scope() + "），但案件未提供相应的编号，不能计数，不予给付"));
        return Outcome.INELIGIBLE;
      }
      BigDecimal usedBefore = used.getOrDefault(claim.scope(), BigDecimal.ZERO);
      BigDecimal remaining = claim.limit().subtract(usedBefore);
      if (claim.unit().exhausted(usedBefore, claim.limit())) {
        decision.withdrawBenefits();
        reasons.add(
            new Note(
                claim.exhaustedCode(),
                format(claim.exhaustedMessage(), claim, remaining, null, usedBefore)));
        return claim.exhaustedOutcome();
      }
      if (claim.unit() == Claim.Unit.AMOUNT && decision.getAmount().compareTo(remaining) > 0) {
        decision.cutMoneyTo(remaining);
        reasons.add(
            new Note(
                claim.cutCode(),
                format(claim.cutMessage(), claim, remaining, decision.getAmount(), usedBefore)));
      }
    }
    for (Claim claim : claims) {
      BigDecimal quantity =
          switch (claim.unit()) {
            case COUNT -> BigDecimal.ONE;
            case AMOUNT -> decision.getAmount();
            case PERIOD -> claim.until();
          };
      used.merge(claim.scope(), quantity, claim.unit()::add);
      taken.add(new EvaluatedDecision.Taken(claim, quantity));
    }
    return Outcome.ELIGIBLE;
  }

  /**
   * A pool keyed on an identity the case did not give ({@code M06|person|null}) would count
   * different people as one: such a claim is never taken.
   */
  static boolean unidentified(String scope) {
    for (String part : scope.split("\\|", -1)) {
      if (part.isEmpty() || part.equals("null")) {
        return true;
      }
    }
    return false;
  }

  private static String format(
      String message, Claim claim, BigDecimal remaining, BigDecimal granted, BigDecimal used) {
    if (message == null) {
      return null;
    }
    if (claim.unit() == Claim.Unit.PERIOD) {
      return message.replace("{until}", Claim.yearMonth(used).toString());
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
