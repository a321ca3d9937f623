package gov.rizhao.skills.engine;

import java.util.Optional;

/**
 * A ruleset built while the service was starting, before the registry existed (the application's
 * entry point builds it beside Quarkus's own start). Taken once, and only for the version the
 * registry is about to serve.
 */
public interface PreparedRuleset {
  /**
   * The prepared ruleset if it is this version; otherwise nothing (and whatever was prepared is let
   * go).
   */
  Optional<Ruleset> take(String version);
}
