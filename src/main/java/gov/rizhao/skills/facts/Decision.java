package gov.rizhao.skills.facts;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The decision of one measure about one subject of the case. The measure's rules create it, record
 * unmet conditions as {@link Unmet} facts, and grant its benefits once no condition is unmet.
 */
public class Decision {
  private final String measure;
  private final String subject;
  private final int order;
  private final List<Benefit> benefits = new ArrayList<>();
  private final List<Note> notes = new ArrayList<>();
  private final List<Claim> claims = new ArrayList<>();

  /** A decision about a list element of the case. */
  public Decision(String measure, CaseItem item) {
    this(measure, item.getPointer(), item.getIndex());
  }

  /**
   * A decision about a whole part of the case, such as {@code /person} or {@code /organization}.
   */
  public Decision(String measure, String subject) {
    this(measure, subject, -1);
  }

  private Decision(String measure, String subject, int order) {
    this.measure = measure;
    this.subject = subject;
    this.order = order;
  }

  public String getMeasure() {
    return measure;
  }

  /** JSON Pointer into the case, e.g. {@code /hires/0}. */
  public String getSubject() {
    return subject;
  }

  /**
   * Position of the subject in its list (-1 for a whole part): decisions are reported in this
   * order.
   */
  public int getOrder() {
    return order;
  }

  public List<Benefit> getBenefits() {
    return Collections.unmodifiableList(benefits);
  }

  public List<Note> getNotes() {
    return Collections.unmodifiableList(notes);
  }

  public List<Claim> getClaims() {
    return Collections.unmodifiableList(claims);
  }

  /** The decision's money: the sum of its benefits' amounts, rounded half-up to the fen. */
  public BigDecimal getAmount() {
    BigDecimal sum = BigDecimal.ZERO;
    for (Benefit b : benefits) {
      if (b.isMoney()) {
        sum = sum.add(b.getAmount());
      }
    }
    return Money.round(sum);
  }

  public Decision cash(BigDecimal amount, Payee payee) {
    benefits.add(Benefit.cash(amount, payee));
    return this;
  }

  public Decision monthlyAllowance(
      BigDecimal monthlyAmount, int months, YearMonth firstMonth, Payee payee) {
    benefits.add(Benefit.monthlyAllowance(monthlyAmount, months, firstMonth, payee));
    return this;
  }

  public Decision certificate(SkillLevel level) {
    benefits.add(Benefit.certificate(level));
    return this;
  }

  public Decision promotion(SkillLevel level) {
    benefits.add(Benefit.promotion(level));
    return this;
  }

  public Decision title(TalentTitle title) {
    benefits.add(Benefit.title(title));
    return this;
  }

  /** A note on an eligible decision, e.g. that a per-person cap cut the amount. */
  public Decision note(String code, String message) {
    notes.add(new Note(code, message));
    return this;
  }

  /** One place of a quota: when none is left the decision gets {@code exhaustedOutcome}. */
  public Decision claimPlace(
      String scope, int limit, Outcome exhaustedOutcome, String code, String message) {
    claims.add(
        new Claim(
            scope,
            Claim.Unit.COUNT,
            BigDecimal.valueOf(limit),
            null,
            exhaustedOutcome,
            code,
            message,
            null,
            null));
    return this;
  }

  /**
   * The decision's cash against a money cap: cut to what is left, or QUOTA_EXHAUSTED when nothing
   * is.
   */
  public Decision claimAmount(
      String scope,
      BigDecimal limit,
      String cutCode,
      String cutMessage,
      String exhaustedCode,
      String exhaustedMessage) {
    claims.add(
        new Claim(
            scope,
            Claim.Unit.AMOUNT,
            limit,
            null,
            Outcome.QUOTA_EXHAUSTED,
            exhaustedCode,
            exhaustedMessage,
            cutCode,
            cutMessage));
    return this;
  }

  /**
   * The months from {@code first} to {@code last} in a pool of periods that must not overlap (a
   * term of office): when one granted before runs into {@code first}, the decision is INELIGIBLE
   * with {@code code}; the message may name the end of that one as {@code {until}}.
   */
  public Decision claimPeriod(
      String scope, YearMonth first, YearMonth last, String code, String message) {
    claims.add(
        new Claim(
            scope,
            Claim.Unit.PERIOD,
            Claim.month(first),
            Claim.month(last),
            Outcome.INELIGIBLE,
            code,
            message,
            null,
            null));
    return this;
  }

  /**
   * Cuts the one-time money to {@code allowed} in total, last benefit first. Used by the engine for
   * caps.
   */
  public void cutMoneyTo(BigDecimal allowed) {
    BigDecimal excess = getAmount().subtract(allowed);
    for (int i = benefits.size() - 1; i >= 0 && excess.signum() > 0; i--) {
      Benefit b = benefits.get(i);
      if (b.isMoney()) {
        BigDecimal take = excess.min(b.getAmount());
        b.cutTo(b.getAmount().subtract(take));
        excess = excess.subtract(take);
      }
    }
  }

  /** Drops every benefit: used by the engine when a quota or cap leaves nothing. */
  public void withdrawBenefits() {
    benefits.clear();
  }

  @Override
  public String toString() {
    return measure + " " + subject;
  }
}
