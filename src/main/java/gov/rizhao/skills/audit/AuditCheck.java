package gov.rizhao.skills.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Verifies the audit log: each sealed entry's content still has its hash, each link of the chain
 * holds, and the chain ends where the seal says. An edited, deleted or inserted entry breaks it.
 */
@ApplicationScoped
public class AuditCheck {
  private static final int PAGE = 2000;

  private final EntityManager em;

  public AuditCheck(EntityManager em) {
    this.em = em;
  }

  /** The result of a check: what was checked, and the first entry that breaks the chain, if any. */
  public record Result(
      boolean intact, long sealedEntries, long unsealedEntries, Long brokenAt, String problem) {}

  public Result check() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              AuditChain.Seal seal = AuditChain.Seal.read(em, false);
              long lastId = seal.lastId();
              String sealHash = seal.lastHash();
              String hash = AuditChain.ORIGIN;
              long checked = 0;
              long after = 0;
              while (true) {
                List<AuditEntry> page =
                    AuditEntry.find("id > ?1 and id <= ?2 order by id", after, lastId)
                        .page(0, PAGE)
                        .list();
                if (page.isEmpty()) {
                  break;
                }
                for (AuditEntry e : page) {
                  if (!AuditChain.entryHash(e).equals(e.entryHash)) {
                    return broken(checked, lastId, e.id, "内容与其哈希不符（条目被修改）");
                  }
                  hash = AuditChain.chainHash(hash, e.id, e.entryHash);
                  if (!hash.equals(e.chainHash)) {
                    return broken(checked, lastId, e.id, "链接断开（此前的条目被删除、插入或修改）");
                  }
                  checked++;
                  after = e.id;
                }
                em.clear();
              }
              if (!hash.equals(sealHash)) {
                return broken(checked, lastId, lastId, "链尾与封存记录不符（最后的条目被删除）");
              }
              long unsealed = AuditEntry.count("id > ?1", lastId);
              return new Result(true, checked, unsealed, null, null);
            });
  }

  private static Result broken(long checked, long lastId, long at, String problem) {
    return new Result(false, checked, AuditEntry.count("id > ?1", lastId), at, problem);
  }
}
