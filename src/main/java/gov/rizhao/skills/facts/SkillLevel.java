package gov.rizhao.skills.facts;

/** Vocational skill levels, declared lowest to highest (contract v1 vocabulary). */
public enum SkillLevel {
  JUNIOR_WORKER("初级工（五级）"),
  INTERMEDIATE_WORKER("中级工（四级）"),
  SENIOR_WORKER("高级工（三级）"),
  TECHNICIAN("技师（二级）"),
  SENIOR_TECHNICIAN("高级技师（一级）");

  private final String label;

  SkillLevel(String label) {
    this.label = label;
  }

  /** The Chinese name of the level, as the policy writes it. */
  public String getLabel() {
    return label;
  }

  /** True when this level is the given one or higher ("及以上"). */
  public boolean atLeast(SkillLevel other) {
    return other != null && compareTo(other) >= 0;
  }

  /** The next level up, or null for the highest. */
  public SkillLevel next() {
    SkillLevel[] all = values();
    return ordinal() + 1 < all.length ? all[ordinal() + 1] : null;
  }
}
