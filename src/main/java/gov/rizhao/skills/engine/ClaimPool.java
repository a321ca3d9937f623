package gov.rizhao.skills.engine;

import gov.rizhao.skills.facts.Claim;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/** What earlier cases already took from limited pools (quotas, caps), by scope. */
public interface ClaimPool {
  /** A pool in which nothing was taken yet: each case stands alone. */
  ClaimPool EMPTY = claims -> Map.of();

  /**
   * Places or money already taken in the pools the claims name (one call per case, every scope
   * once, sorted); a scope absent from the answer is untouched. A ledger may lock the pools here
   * until its transaction ends.
   */
  Map<String, BigDecimal> used(Collection<Claim> claims);

  /** A pool holding exactly the given totals, e.g. as a case saw them when it was decided. */
  static ClaimPool of(Map<String, BigDecimal> used) {
    return claims -> used;
  }
}
