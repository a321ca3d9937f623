package gov.rizhao.skills.app;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The service's entry point: starts building the ruleset on a thread of its own, then starts
 * Quarkus. On two cores the rules are ready, and the engine warm, by the time the database and the
 * HTTP server are.
 */
@QuarkusMain
public final class Main {
  private Main() {}

  public static void main(String... args) {
    EarlyRuleset.begin();
    Quarkus.run(args);
  }
}
