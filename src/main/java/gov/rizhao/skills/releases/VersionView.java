package gov.rizhao.skills.releases;

import com.fasterxml.jackson.annotation.JsonInclude;
import gov.rizhao.skills.engine.RuleProblem;
import java.time.Instant;
import java.util.List;

/** A stored version as analysts, approvers and auditors read it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionView(
    String version,
    String parent,
    VersionStatus status,
    boolean inForce,
    String author,
    String reason,
    Instant createdAt,
    List<String> files,
    List<String> scenarioFiles,
    List<RuleProblem> problems,
    Scenarios scenarios,
    Decision decision,
    Activation activation,
    Instant retiredAt) {

  /** What the version's scenarios found. */
  public record Scenarios(int run, int failed, List<String> failures) {}

  /** The approval or rejection: by whom, when, why. */
  public record Decision(String by, Instant at, String reason) {}

  /** The activation, done or scheduled ({@code at} in the future). */
  public record Activation(String by, Instant at, String reason, boolean scheduled) {}
}
