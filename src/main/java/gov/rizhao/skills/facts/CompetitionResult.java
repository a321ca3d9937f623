package gov.rizhao.skills.facts;

import java.time.LocalDate;

/** A result in a skill competition (M06, M10): {@code /competitionResults/i}. */
public class CompetitionResult extends CaseItem {
  private final String name;
  private final CompetitionTier tier;
  private final Integer rank;
  private final Prize prize;
  private final boolean skillStar;
  private final boolean catalogOccupation;
  private final boolean seniorWorkerStandard;
  private final boolean passed;
  private final LocalDate date;

  public CompetitionResult(
      int index,
      String name,
      CompetitionTier tier,
      Integer rank,
      Prize prize,
      boolean skillStar,
      boolean catalogOccupation,
      boolean seniorWorkerStandard,
      boolean passed,
      LocalDate date) {
    super("competitionResults", index);
    this.name = name;
    this.tier = tier;
    this.rank = rank;
    this.prize = prize == null ? Prize.NONE : prize;
    this.skillStar = skillStar;
    this.catalogOccupation = catalogOccupation;
    this.seniorWorkerStandard = seniorWorkerStandard;
    this.passed = passed;
    this.date = date;
  }

  public String getName() {
    return name;
  }

  public CompetitionTier getTier() {
    return tier;
  }

  /** Place in the ranking (1 = first), or null when not ranked. */
  public Integer getRank() {
    return rank;
  }

  public Prize getPrize() {
    return prize;
  }

  public boolean isSkillStar() {
    return skillStar;
  }

  public boolean isCatalogOccupation() {
    return catalogOccupation;
  }

  public boolean isSeniorWorkerStandard() {
    return seniorWorkerStandard;
  }

  public boolean isPassed() {
    return passed;
  }

  public LocalDate getDate() {
    return date;
  }

  /**
   * True when the result names its competition and date: it is rewarded once, so it must be told
   * from others.
   */
  public boolean isIdentified() {
    return name != null && !name.isBlank() && date != null;
  }

  /** In Chinese, for messages: 第 2 项竞赛成绩（山东省职业技能大赛，省级一类，第 8 名，无奖项）. */
  public String describe() {
    StringBuilder b = new StringBuilder("第 ").append(getIndex() + 1).append(" 项竞赛成绩（");
    if (name != null && !name.isBlank()) {
      b.append(name).append("，");
    }
    b.append(tier == null ? "级别未填" : tier.getLabel());
    b.append(rank == null ? "，无名次" : "，第 " + rank + " 名");
    b.append("，").append(prize == Prize.NONE ? "无奖项" : prize.getLabel()).append("）");
    return b.toString();
  }

  /** True when ranked at the given place or better ("前 N 名"). */
  public boolean rankedWithin(int places) {
    return rank != null && rank >= 1 && rank <= places;
  }

  /** True when the prize is the given one or better ("三等奖及以上"). */
  public boolean prizeAtLeast(Prize other) {
    return prize.atLeast(other);
  }
}
