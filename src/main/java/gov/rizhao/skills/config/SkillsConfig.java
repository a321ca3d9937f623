package gov.rizhao.skills.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Settings of the decision service ({@code skills.*} in application.properties, or SKILLS_* variables). */
@ConfigMapping(prefix = "skills")
public interface SkillsConfig {

  /** Directory of the rule files (*.drl, *.drl.xlsx) compiled at start and on reload; tests/ below it is skipped. */
  @WithDefault("rules")
  Path rulesDir();

  /** Largest request body accepted, in bytes; a larger one is answered 413 with a problem document. */
  @WithDefault("1048576")
  long maxBodyBytes();

  /** Most cases accepted in one batch request. */
  @WithDefault("1000")
  int maxBatchCases();
}
