package gov.rizhao.skills.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Turns rule files into a ruleset. The engine's build package implements it; one instance serves
 * the application.
 */
public interface RulesetBuilder {

  /**
   * The rule files of a directory, sorted; scenario tests ({@code tests/}), documentation and
   * editor lock files are not rules.
   *
   * @throws RulesetBuildException when the directory holds a file the service would not read
   */
  List<RuleFile> read(Path rulesDir);

  /**
   * Builds the given files.
   *
   * @throws RulesetBuildException with every problem found; no ruleset with a problem is ever
   *     returned
   */
  Ruleset build(List<RuleFile> files);

  /**
   * The version last made active on this machine, as kept in the compiled-ruleset cache, if it can
   * be read.
   */
  Optional<Ruleset> lastActive();

  /**
   * Remembers the ruleset as the one active: what {@link #lastActive()} answers after a restart.
   */
  void markActive(Ruleset ruleset);
}
