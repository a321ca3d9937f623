package gov.rizhao.skills.facts;

import java.math.BigDecimal;

/** A talent the organisation hired (M08): {@code /hires/i}. */
public class Hire extends CaseItem {
  private final String talentId;
  private final TalentTitle title;
  private final boolean fullTime;
  private final boolean fromOutsideCity;
  private final BigDecimal annualSalary;
  private final boolean recognized;

  public Hire(
      int index,
      String talentId,
      TalentTitle title,
      boolean fullTime,
      boolean fromOutsideCity,
      BigDecimal annualSalary,
      boolean recognized) {
    super("hires", index);
    this.talentId = talentId;
    this.title = title;
    this.fullTime = fullTime;
    this.fromOutsideCity = fromOutsideCity;
    this.annualSalary = annualSalary == null ? BigDecimal.ZERO : annualSalary;
    this.recognized = recognized;
  }

  public String getTalentId() {
    return talentId;
  }

  public TalentTitle getTitle() {
    return title;
  }

  public boolean isFullTime() {
    return fullTime;
  }

  public boolean isFromOutsideCity() {
    return fromOutsideCity;
  }

  public BigDecimal getAnnualSalary() {
    return annualSalary;
  }

  public boolean isRecognized() {
    return recognized;
  }
}
