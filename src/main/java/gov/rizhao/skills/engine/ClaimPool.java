package gov.rizhao.skills.engine;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/** What earlier cases already took from limited pools (quotas, caps), by scope. */
public interface ClaimPool {
  /** A pool in which nothing was taken yet: each case stands alone. */
  ClaimPool EMPTY = scopes -> Map.of();

  /** Places or money already taken in each of the given scopes; a scope absent from the answer is untouched. */
  Map<String, BigDecimal> used(Collection<String> scopes);
}
