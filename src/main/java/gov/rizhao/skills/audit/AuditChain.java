package gov.rizhao.skills.audit;

import gov.rizhao.skills.common.Digests;
import jakarta.persistence.EntityManager;
import java.time.temporal.ChronoUnit;

/** The hashes that make the audit log tamper-evident. */
final class AuditChain {
  /** The chain hash before the first entry. */
  static final String ORIGIN = "0".repeat(64);

  private AuditChain() {}

  /**
   * The hash of what an entry says (its time to the millisecond, actor, action, target, outcome,
   * source, detail).
   */
  static String entryHash(AuditEntry e) {
    return Digests.sha256Hex(
        String.join(
            "\u001f",
            e.at.truncatedTo(ChronoUnit.MILLIS).toString(),
            e.actor,
            e.action,
            String.valueOf(e.target),
            e.outcome,
            String.valueOf(e.source),
            String.valueOf(e.detail)));
  }

  /** The link of an entry to everything before it. */
  static String chainHash(String previous, long id, String entryHash) {
    return Digests.sha256Hex(previous + "\u001f" + id + "\u001f" + entryHash);
  }

  /** Where the sealer stopped: the last entry chained and the chain's hash there. */
  record Seal(long lastId, String lastHash) {
    /** The seal row, locked until the transaction ends when {@code forUpdate}. */
    static Seal read(EntityManager em, boolean forUpdate) {
      Object[] row =
          (Object[])
              em.createNativeQuery(
                      "SELECT last_id, last_hash FROM audit_seal WHERE id = 1"
                          + (forUpdate ? " FOR UPDATE" : ""),
                      Object[].class)
                  .getSingleResult();
      return new Seal(((Number) row[0]).longValue(), ((String) row[1]).strip());
    }
  }
}
