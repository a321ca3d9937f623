package gov.rizhao.skills.app;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's log levels before the service's configuration applies. Drools reads some of them
 * once, when a class is first loaded, into constants ({@code IS_LOG_TRACE_ENABLED}): a rule base
 * built before Quarkus has configured logging (the early build, or the {@code check} command) would
 * otherwise build trace messages for every fact inserted, for the life of the process, only for the
 * log to drop them. A tenth of the engine's time went there.
 */
final class EngineLogging {
  private static final List<String> CATEGORIES = List.of("org.drools", "org.kie", "org.apache.poi");

  /** Kept so the levels set here are not lost with an unreferenced logger. */
  private static final List<Logger> KEPT = new ArrayList<>();

  private EngineLogging() {}

  /** Warnings and errors only, as application.properties has it. */
  static synchronized void warningsOnly() {
    if (!KEPT.isEmpty()) {
      return;
    }
    for (String category : CATEGORIES) {
      Logger logger = Logger.getLogger(category);
      logger.setLevel(Level.WARNING);
      KEPT.add(logger);
    }
  }
}
