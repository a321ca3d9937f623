package gov.rizhao.skills.cases;

import gov.rizhao.skills.api.CaseStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A submitted case: its input as received, its decisions as answered, and the ruleset version that
 * made them.
 */
@Entity
@Table(name = "case_record")
@IdClass(CaseRecord.Key.class)
public class CaseRecord extends PanacheEntityBase {
  /** A case is known by the calling system that submitted it and its id there. */
  public record Key(String owner, String caseId) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  /** The calling system that submitted the case (the principal of its token). */
  @Id public String owner;

  @Id
  @Column(name = "case_id")
  public String caseId;

  @Column(name = "payload_sha256")
  public String payloadSha256;

  /** The case as received, in canonical JSON. */
  public String payload;

  @Column(name = "application_date")
  public LocalDate applicationDate;

  @Column(name = "organization_id")
  public String organizationId;

  @Column(name = "person_id")
  public String personId;

  @Column(name = "ruleset_version")
  public String rulesetVersion;

  /** The decisions with reasons, citations and traces, as answered (contract JSON). */
  public String evaluation;

  /**
   * What each pool the case claimed from had used before it (JSON object): replay starts from
   * there.
   */
  @Column(name = "pools_before")
  public String poolsBefore;

  @Column(name = "total_amount")
  public BigDecimal totalAmount;

  @Enumerated(EnumType.STRING)
  public CaseStatus status;

  @Column(name = "submitted_at")
  public Instant submittedAt;

  @Column(name = "withdrawn_at")
  public Instant withdrawnAt;
}
