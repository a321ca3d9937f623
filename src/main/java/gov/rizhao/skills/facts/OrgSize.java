package gov.rizhao.skills.facts;

/** Size of an enterprise (contract v1 vocabulary). */
public enum OrgSize {
  LARGE,
  MEDIUM,
  SMALL,
  MICRO;
}
