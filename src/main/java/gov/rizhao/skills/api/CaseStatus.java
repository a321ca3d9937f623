package gov.rizhao.skills.api;

/**
 * A submitted case is decided and counted in the ledger, or withdrawn: its grants released, still
 * kept.
 */
public enum CaseStatus {
  DECIDED,
  WITHDRAWN
}
