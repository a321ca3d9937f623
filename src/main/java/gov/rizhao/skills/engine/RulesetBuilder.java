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
   * The files of a rules directory, sorted: all but scenario tests ({@code tests/}), documentation
   * and editor lock files. A file that is not a rule file is among them, and refused by {@link
   * #build}.
   *
   * @throws RulesetBuildException when the directory does not exist or holds no file
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
