package gov.rizhao.skills.engine;

import java.util.Optional;

/**
 * Where the version in force is decided (a port: the governed releases implement it with the
 * database every instance shares). The registry serves what it says, never unreviewed files.
 */
public interface VersionHistory {
  /**
   * The version in force, if one was ever activated.
   *
   * @throws RuntimeException when the database cannot be read
   */
  Optional<String> activeVersion();

  /**
   * Records the rules found on disk at the very first start as the first version in force, with
   * their files and scenarios; does nothing when a version is in force already.
   */
  void recordInitial(Ruleset ruleset);
}
