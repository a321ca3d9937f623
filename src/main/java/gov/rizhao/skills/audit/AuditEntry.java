package gov.rizhao.skills.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One state change: who, when, what, from where and how it ended; appended, never changed. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public Instant at;

  public String actor;

  public String action;

  public String target;

  public String outcome;

  /** The client's address (as the proxy forwarded it, when the service runs behind one). */
  public String source;

  /** What changed, as JSON. */
  public String detail;

  /** SHA-256 of the entry's content. */
  @Column(name = "entry_hash")
  public String entryHash;

  /**
   * SHA-256 of the previous entry's chain hash, this entry's id and its entry hash; set by the
   * sealer.
   */
  @Column(name = "chain_hash")
  public String chainHash;
}
