package gov.rizhao.skills.app;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.List;

/**
 * The service's entry point: starts building the ruleset on a thread of its own, then starts
 * Quarkus. On two cores the rules are ready, and the engine warm, by the time the database and the
 * HTTP server are. {@code check <rules>} checks rule files instead, with no service (see {@link
 * RulesCheck}).
 */
@QuarkusMain
public final class Main {
  private Main() {}

  public static void main(String... args) {
    if (args.length > 0 && args[0].equals("check")) {
      System.exit(RulesCheck.run(List.of(args).subList(1, args.length), RulesCheck.utf8Out()));
    }
    EngineLogging.warningsOnly();
    EarlyRuleset.begin();
    Quarkus.run(args);
  }
}
