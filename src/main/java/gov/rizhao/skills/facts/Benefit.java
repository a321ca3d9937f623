package gov.rizhao.skills.facts;

import java.math.BigDecimal;
import java.time.YearMonth;

/** One benefit of a decision. Fields not relevant to the kind are null. */
public class Benefit {
  private final BenefitKind kind;
  private BigDecimal amount;
  private final Payee payee;
  private final BigDecimal monthlyAmount;
  private final Integer months;
  private final YearMonth firstMonth;
  private final YearMonth lastMonth;
  private final SkillLevel level;
  private final TalentTitle title;

  private Benefit(
      BenefitKind kind,
      BigDecimal amount,
      Payee payee,
      BigDecimal monthlyAmount,
      Integer months,
      YearMonth firstMonth,
      YearMonth lastMonth,
      SkillLevel level,
      TalentTitle title) {
    this.kind = kind;
    this.amount = amount;
    this.payee = payee;
    this.monthlyAmount = monthlyAmount;
    this.months = months;
    this.firstMonth = firstMonth;
    this.lastMonth = lastMonth;
    this.level = level;
    this.title = title;
  }

  public static Benefit cash(BigDecimal amount, Payee payee) {
    return new Benefit(BenefitKind.CASH, amount, payee, null, null, null, null, null, null);
  }

  /**
   * A monthly allowance of {@code months} months from {@code firstMonth}; its amount is the total.
   */
  public static Benefit monthlyAllowance(
      BigDecimal monthlyAmount, int months, YearMonth firstMonth, Payee payee) {
    return new Benefit(
        BenefitKind.MONTHLY_ALLOWANCE,
        monthlyAmount.multiply(BigDecimal.valueOf(months)),
        payee,
        monthlyAmount,
        months,
        firstMonth,
        firstMonth.plusMonths(months - 1L),
        null,
        null);
  }

  public static Benefit certificate(SkillLevel level) {
    return new Benefit(BenefitKind.CERTIFICATE, null, null, null, null, null, null, level, null);
  }

  public static Benefit promotion(SkillLevel level) {
    return new Benefit(BenefitKind.PROMOTION, null, null, null, null, null, null, level, null);
  }

  public static Benefit title(TalentTitle title) {
    return new Benefit(BenefitKind.TITLE, null, null, null, null, null, null, null, title);
  }

  public boolean isMoney() {
    return amount != null;
  }

  public BenefitKind getKind() {
    return kind;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  /** Used when a cap cuts a one-time payment. */
  void cutTo(BigDecimal newAmount) {
    this.amount = newAmount;
  }

  public Payee getPayee() {
    return payee;
  }

  public BigDecimal getMonthlyAmount() {
    return monthlyAmount;
  }

  public Integer getMonths() {
    return months;
  }

  public YearMonth getFirstMonth() {
    return firstMonth;
  }

  public YearMonth getLastMonth() {
    return lastMonth;
  }

  public SkillLevel getLevel() {
    return level;
  }

  public TalentTitle getTitle() {
    return title;
  }
}
