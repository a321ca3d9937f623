package gov.rizhao.skills.engine.rest;

import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.engine.RulesetRegistry;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once a ruleset is active; reports its version. */
@Readiness
@jakarta.enterprise.context.ApplicationScoped
public class RulesetReadiness implements HealthCheck {
  private final RulesetRegistry registry;

  public RulesetReadiness(RulesetRegistry registry) {
    this.registry = registry;
  }

  @Override
  public HealthCheckResponse call() {
    try {
      Ruleset r = registry.current();
      return HealthCheckResponse.named("ruleset")
          .up()
          .withData("version", r.version())
          .withData("builtAt", r.builtAt().toString())
          .withData("measures", r.measures().size())
          .build();
    } catch (IllegalStateException e) {
      return HealthCheckResponse.named("ruleset").down().withData("reason", e.getMessage()).build();
    }
  }
}
