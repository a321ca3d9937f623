package gov.rizhao.skills.releases;

/**
 * Where a ruleset version is in its life. DRAFT: it builds and its scenarios were run; FAILED: it
 * does not build; APPROVED: another person than its author approved it; ACTIVE: in force; RETIRED:
 * was in force (a rollback may put it in force again); REJECTED: not to be used.
 */
public enum VersionStatus {
  DRAFT,
  FAILED,
  APPROVED,
  ACTIVE,
  RETIRED,
  REJECTED
}
