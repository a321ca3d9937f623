package gov.rizhao.skills.facts;

/** Kind of benefit (contract v1 vocabulary). */
public enum BenefitKind {
  CASH /* one-time money */,
  MONTHLY_ALLOWANCE,
  CERTIFICATE,
  PROMOTION /* qualification promotion */,
  TITLE /* honour conferred */;
}
