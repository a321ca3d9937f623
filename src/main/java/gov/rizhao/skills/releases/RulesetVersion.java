package gov.rizhao.skills.releases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A stored ruleset version: its parent, who made it and why, what its build and scenarios found,
 * and each decision on it (approval or rejection, activation) with who, when and why. Its files are
 * in {@code ruleset_file}, its scenarios in {@code ruleset_scenario}.
 */
@Entity
@Table(name = "ruleset_version")
public class RulesetVersion extends PanacheEntityBase {
  @Id public String version;

  public String parent;

  @Enumerated(EnumType.STRING)
  public VersionStatus status;

  public String author;

  public String reason;

  @Column(name = "created_at")
  public Instant createdAt;

  /** The build's problems as JSON, when it does not build. */
  public String problems;

  @Column(name = "scenarios_run")
  public int scenariosRun;

  @Column(name = "scenarios_failed")
  public int scenariosFailed;

  /** The scenarios' failures as JSON (in Chinese, each naming its scenario). */
  @Column(name = "scenario_failures")
  public String scenarioFailures;

  @Column(name = "decided_by")
  public String decidedBy;

  @Column(name = "decided_at")
  public Instant decidedAt;

  @Column(name = "decision_reason")
  public String decisionReason;

  /** When an approved version is to be activated, if scheduled. */
  @Column(name = "activate_at")
  public Instant activateAt;

  @Column(name = "activated_by")
  public String activatedBy;

  @Column(name = "activated_at")
  public Instant activatedAt;

  @Column(name = "activation_reason")
  public String activationReason;

  @Column(name = "retired_at")
  public Instant retiredAt;
}
