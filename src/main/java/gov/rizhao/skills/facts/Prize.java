package gov.rizhao.skills.facts;

/** Prize won in a competition, declared best first (contract v1 vocabulary). */
public enum Prize {
  FIRST("一等奖"),
  SECOND("二等奖"),
  THIRD("三等奖"),
  EXCELLENCE("优秀奖"),
  NONE("无");

  private final String label;

  Prize(String label) {
    this.label = label;
  }

  public String getLabel() {
    return label;
  }

  /**
   * True when this prize is the given one or better ("三等奖及以上"); NONE is never at least anything.
   */
  public boolean atLeast(Prize other) {
    return this != NONE && other != null && compareTo(other) <= 0;
  }
}
