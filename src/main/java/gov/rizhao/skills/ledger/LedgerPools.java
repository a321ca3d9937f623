package gov.rizhao.skills.ledger;

import gov.rizhao.skills.engine.ClaimPool;
import gov.rizhao.skills.facts.Claim;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The ledger seen as pools for the engine: locked for a submission, read as they are for a dry run. */
@ApplicationScoped
public class LedgerPools {
  private final PoolStore store;

  public LedgerPools(PoolStore store) {
    this.store = store;
  }

  /** Locks the pools a case claims from until the caller's transaction ends. */
  public ClaimPool locking() {
    return store::lock;
  }

  /** What the pools hold now, without locking: what a submission would get if made now. */
  public ClaimPool current() {
    return claims -> QuarkusTransaction.requiringNew().call(() -> store.read(scopes(claims)));
  }

  /**
   * For many cases at once (a batch): each pool is read from the database once, each case is still decided against
   * the ledger alone, not against the other cases of the batch.
   */
  public ClaimPool memoized() {
    Map<String, BigDecimal> known = new HashMap<>();
    return claims -> {
      List<String> missing = scopes(claims).stream().filter(s -> !known.containsKey(s)).toList();
      if (!missing.isEmpty()) {
        Map<String, BigDecimal> read = QuarkusTransaction.requiringNew().call(() -> store.read(missing));
        for (String scope : missing) {
          known.put(scope, read.getOrDefault(scope, BigDecimal.ZERO));
        }
      }
      Map<String, BigDecimal> used = new HashMap<>();
      for (String scope : scopes(claims)) {
        used.put(scope, known.get(scope));
      }
      return used;
    };
  }

  private static List<String> scopes(Collection<Claim> claims) {
    return claims.stream().map(Claim::scope).distinct().toList();
  }
}
