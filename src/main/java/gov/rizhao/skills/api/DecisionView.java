package gov.rizhao.skills.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import gov.rizhao.skills.facts.BenefitKind;
import gov.rizhao.skills.facts.Outcome;
import gov.rizhao.skills.facts.Payee;
import gov.rizhao.skills.facts.SkillLevel;
import gov.rizhao.skills.facts.TalentTitle;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** One measure's decision about one subject of the case (contract v1). */
public record DecisionView(
    String measure,
    String measureName,
    String subject,
    Outcome outcome,
    BigDecimal amount,
    List<BenefitView> benefits,
    List<Reason> reasons,
    Citation citation,
    List<TraceEntry> trace) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BenefitView(
      BenefitKind kind,
      BigDecimal amount,
      Payee payee,
      BigDecimal monthlyAmount,
      Integer months,
      YearMonth firstMonth,
      YearMonth lastMonth,
      SkillLevel level,
      TalentTitle title) {}

  /** An unmet condition, or a note on an eligible decision: a stable code and a Chinese message. */
  public record Reason(String code, String message) {}

  public record Citation(String document, String article, String text) {}

  /**
   * A rule that fired, or a parameter row it read: the file and the DRL line or the sheet and row,
   * and the article of the policy it implements. Additions to v1: {@code article}, {@code
   * document}, and for a row the {@code value} used and its {@code unit}.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TraceEntry(
      String rule,
      String source,
      String location,
      String article,
      String document,
      String value,
      String unit) {}
}
