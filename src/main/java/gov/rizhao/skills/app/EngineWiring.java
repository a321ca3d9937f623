package gov.rizhao.skills.app;

import gov.rizhao.skills.config.SkillsConfig;
import gov.rizhao.skills.engine.PreparedRuleset;
import gov.rizhao.skills.engine.RulesetBuilder;
import gov.rizhao.skills.engine.build.RulesetCompiler;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The engine's parts as the application wires them: one compiler, and the ruleset built beside the
 * start.
 */
public class EngineWiring {

  /** The compiler of the early start when there was one with these settings, else a new one. */
  @Produces
  @Singleton
  RulesetBuilder rulesetBuilder(SkillsConfig config) {
    return EarlyRuleset.compiler(config)
        .orElseGet(() -> new RulesetCompiler(config.rulesetCacheDir()));
  }

  @Produces
  @Singleton
  PreparedRuleset preparedRuleset(SkillsConfig config) {
    return version -> EarlyRuleset.take(config, version);
  }
}
