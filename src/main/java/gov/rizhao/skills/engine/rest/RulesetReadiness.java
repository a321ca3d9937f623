package gov.rizhao.skills.engine.rest;

import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.engine.RulesetRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once a ruleset is active; reports its version. When the rule files on disk were refused at
 * start, says so and lists their problems, whether an earlier version serves meanwhile (ready) or
 * none does (not ready).
 */
@Readiness
@ApplicationScoped
public class RulesetReadiness implements HealthCheck {
  private final RulesetRegistry registry;

  public RulesetReadiness(RulesetRegistry registry) {
    this.registry = registry;
  }

  @Override
  public HealthCheckResponse call() {
    Optional<Ruleset> active = registry.active();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("ruleset").status(active.isPresent());
    active.ifPresent(
        r ->
            response
                .withData("version", r.version())
                .withData("builtAt", r.builtAt().toString())
                .withData("measures", r.measures().size()));
    registry.trouble().ifPresent(why -> response.withData("problem", why));
    return response.build();
  }
}
