package gov.rizhao.skills.config;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings of the decision service: {@code skills.*} in application.properties, where their
 * defaults are (one place), or SKILLS_* variables.
 */
@ConfigMapping(prefix = "skills")
public interface SkillsConfig {

  /**
   * Directory of the rule files (*.drl, *.drl.xlsx) compiled at start and on reload; tests/ below
   * it is skipped.
   */
  Path rulesDir();

  /**
   * Where compiled rulesets are kept, by the content of their files, so that a start or reload to
   * rules built before skips compiling them. Unset: always compile.
   */
  Optional<Path> rulesetCacheDir();

  /**
   * Largest request body accepted, in bytes; a larger one is answered 413 with a problem document.
   */
  long maxBodyBytes();

  /** Most cases accepted in one batch request. */
  int maxBatchCases();
}
