package gov.rizhao.skills.ledger;

import gov.rizhao.skills.engine.EvaluatedDecision;
import gov.rizhao.skills.facts.Claim;
import gov.rizhao.skills.facts.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes grants into the ledger and takes them out again: a submitted case's eligible decisions,
 * each with what it took from its pools, and a withdrawn case's grants given back. Both run in the
 * caller's transaction, whose pools are locked.
 */
@ApplicationScoped
public class GrantBook {
  private final PoolStore pools;

  public GrantBook(PoolStore pools) {
    this.pools = pools;
  }

  /**
   * Records the case's eligible decisions and adds what each took to its pools (locked by this
   * transaction).
   */
  public void record(
      String owner,
      String caseId,
      LocalDate applicationDate,
      String organizationId,
      String personId,
      List<EvaluatedDecision> decisions,
      Instant now) {
    for (EvaluatedDecision d : decisions) {
      if (d.outcome() != Outcome.ELIGIBLE) {
        continue;
      }
      GrantRecord grant = new GrantRecord();
      grant.owner = owner;
      grant.caseId = caseId;
      grant.measure = d.decision().getMeasure();
      grant.subject = d.decision().getSubject();
      grant.year = applicationDate.getYear();
      grant.organizationId = organizationId;
      grant.personId = personId;
      grant.amount = d.decision().getAmount();
      grant.withdrawn = false;
      grant.createdAt = now;
      for (EvaluatedDecision.Taken t : d.taken()) {
        grant.claims.add(
            new GrantRecord.Taken(t.claim().scope(), t.claim().unit().name(), t.quantity()));
        pools.take(t.claim(), t.quantity());
      }
      grant.persist();
    }
  }

  /** Marks the case's grants withdrawn and gives back what they took, locking those pools first. */
  public void release(String owner, String caseId) {
    List<GrantRecord> grants = GrantRecord.ofCase(owner, caseId);
    Map<String, BigDecimal> released = new TreeMap<>();
    Set<String> periods = new TreeSet<>();
    for (GrantRecord g : grants) {
      for (GrantRecord.Taken t : g.claims) {
        if (Claim.Unit.PERIOD.name().equals(t.unit)) {
          periods.add(t.scope);
        } else {
          released.merge(t.scope, t.quantity, BigDecimal::add);
        }
      }
      g.withdrawn = true;
    }
    Set<String> scopes = new TreeSet<>(released.keySet());
    scopes.addAll(periods);
    if (scopes.isEmpty()) {
      return;
    }
    pools.lockExisting(scopes);
    released.forEach(pools::giveBack);
    if (!periods.isEmpty()) {
      GrantRecord.flush();
      periods.forEach(pools::recomputePeriod);
    }
  }
}
