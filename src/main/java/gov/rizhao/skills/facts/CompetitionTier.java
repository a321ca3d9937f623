package gov.rizhao.skills.facts;

/** Tier of a skill competition (contract v1 vocabulary). */
public enum CompetitionTier {
  NATIONAL("国家级"),
  PROVINCIAL_CLASS_1("省级一类"),
  PROVINCIAL_CLASS_2("省级二类"),
  MUNICIPAL_CLASS_1("市级一类"),
  MUNICIPAL_CLASS_2("市级二类"),
  OTHER("其他");

  private final String label;

  CompetitionTier(String label) {
    this.label = label;
  }

  public String getLabel() {
    return label;
  }
}
