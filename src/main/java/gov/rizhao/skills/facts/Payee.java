package gov.rizhao.skills.facts;

/** Who receives money (contract v1 vocabulary). */
public enum Payee {
  PERSON,
  ORGANIZATION;
}
