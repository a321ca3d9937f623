package gov.rizhao.skills.engine;

import gov.rizhao.skills.facts.Claim;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A ledger in memory: the pools as a sequence of cases decided one after the other left them. What
 * a scenario's earlier cases took, or what a simulation of stored cases under other rules would
 * take, without touching the real ledger. Not shared between threads.
 */
public final class MemoryLedger implements ClaimPool {
  private final Map<String, BigDecimal> used = new HashMap<>();

  @Override
  public Map<String, BigDecimal> used(Collection<Claim> claims) {
    Map<String, BigDecimal> out = new HashMap<>();
    for (Claim c : claims) {
      BigDecimal u = used.get(c.scope());
      if (u != null) {
        out.put(c.scope(), u);
      }
    }
    return out;
  }

  /** Adds what the case's eligible decisions took. */
  public void record(EngineResult result) {
    for (EvaluatedDecision d : result.decisions()) {
      for (EvaluatedDecision.Taken t : d.taken()) {
        used.merge(t.claim().scope(), t.quantity(), t.claim().unit()::add);
      }
    }
  }

  /** What each pool has used, by scope. */
  public Map<String, BigDecimal> pools() {
    return Map.copyOf(used);
  }
}
