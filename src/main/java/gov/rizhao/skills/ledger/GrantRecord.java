package gov.rizhao.skills.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An ELIGIBLE decision of a submitted case, and what it took from each pool. Withdrawn grants are
 * kept, marked.
 */
@Entity
@Table(name = "grant_record")
public class GrantRecord extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** The calling system whose case it is. */
  public String owner;

  @Column(name = "case_id")
  public String caseId;

  public String measure;

  public String subject;

  /** The year of the application: the year of yearly quotas and caps. */
  @Column(name = "grant_year")
  public int year;

  @Column(name = "organization_id")
  public String organizationId;

  @Column(name = "person_id")
  public String personId;

  public BigDecimal amount;

  public boolean withdrawn;

  @Column(name = "created_at")
  public Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "grant_claim", joinColumns = @JoinColumn(name = "grant_id"))
  public List<Taken> claims = new ArrayList<>();

  /** A place (COUNT, 1) or money (AMOUNT) taken from the pool {@code scope}. */
  @Embeddable
  public static class Taken {
    public String scope;
    public String unit;
    public BigDecimal quantity;

    public Taken() {}

    public Taken(String scope, String unit, BigDecimal quantity) {
      this.scope = scope;
      this.unit = unit;
      this.quantity = quantity;
    }
  }

  public static List<GrantRecord> ofCase(String owner, String caseId) {
    return list("owner = ?1 and caseId = ?2 order by id", owner, caseId);
  }
}
