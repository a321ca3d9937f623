package gov.rizhao.skills.facts;

/** Outcome of a decision (contract v1 vocabulary). */
public enum Outcome {
  ELIGIBLE,
  INELIGIBLE,
  QUOTA_EXHAUSTED /* meets the conditions, but the quota or cap has nothing left */;
}
