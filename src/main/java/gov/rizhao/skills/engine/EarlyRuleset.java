package gov.rizhao.skills.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import gov.rizhao.skills.evaluation.api.CaseRequest;
import gov.rizhao.skills.evaluation.service.CaseFactsMapper;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.config.SmallRyeConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * The ruleset of a starting service, built while Quarkus starts rather than after: read with the
 * same settings the service will have, then run once on a sample case so the first request does not
 * pay for the engine's first session. The registry takes it only if it was built from the directory
 * the service is configured with and the files there are still the same; otherwise it builds its
 * own, as without this.
 */
public final class EarlyRuleset {
  private static final Logger LOG = Logger.getLogger(EarlyRuleset.class);
  private static final String SAMPLE_CASE = "warm-up-case.json";

  private record Built(
      Path rulesDir, Optional<Path> cacheDir, RulesetCompiler compiler, Ruleset ruleset) {}

  /**
   * What the registry takes: the ruleset, and the compiler that built it (it remembers the modules
   * for reloads).
   */
  record Taken(Ruleset ruleset, RulesetCompiler compiler) {}

  private static volatile CompletableFuture<Built> pending;

  private EarlyRuleset() {}

  /**
   * Starts the build on a daemon thread; the service's configuration is read as Quarkus will read
   * it.
   */
  public static void begin() {
    CompletableFuture<Built> future = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                SmallRyeConfig config = ConfigUtils.configBuilder(LaunchMode.NORMAL).build();
                Path rulesDir = config.getValue("skills.rules-dir", Path.class);
                Optional<Path> cacheDir =
                    config.getOptionalValue("skills.ruleset-cache-dir", Path.class);
                RulesetCompiler compiler = new RulesetCompiler(cacheDir);
                Ruleset ruleset = compiler.compile(rulesDir);
                warmUp(ruleset);
                future.complete(
                    new Built(
                        normal(rulesDir), cacheDir.map(EarlyRuleset::normal), compiler, ruleset));
              } catch (Throwable e) {
                future.completeExceptionally(e);
              }
            },
            "early-ruleset");
    thread.setDaemon(true);
    thread.setContextClassLoader(EarlyRuleset.class.getClassLoader());
    pending = future;
    thread.start();
  }

  /** Waits for the build begun, if any, to end (built or failed); for tests. */
  static void awaitBuild() {
    CompletableFuture<Built> future = pending;
    if (future != null) {
      future.exceptionally(e -> null).join();
    }
  }

  private static Path normal(Path p) {
    return p.toAbsolutePath().normalize();
  }

  /**
   * The early ruleset, if one was begun, built without a problem, from {@code rulesDir} with {@code
   * cacheDir}, and the files there are still those it was built from. Taken once.
   */
  static Optional<Taken> take(Path rulesDir, Optional<Path> cacheDir) {
    CompletableFuture<Built> future = pending;
    pending = null;
    if (future == null) {
      return Optional.empty();
    }
    Built built;
    try {
      built = future.join();
    } catch (RuntimeException e) {
      Throwable cause =
          e instanceof java.util.concurrent.CompletionException && e.getCause() != null
              ? e.getCause()
              : e;
      if (cause instanceof RulesetBuildException) {
        LOG.debugf("The early build found problems; the registry builds again and reports them");
      } else {
        LOG.warnf(cause, "The ruleset built beside the start is not used; building it again");
      }
      return Optional.empty();
    }
    if (built.rulesDir().equals(normal(rulesDir))
        && built.cacheDir().equals(cacheDir.map(EarlyRuleset::normal))
        && built
            .ruleset()
            .version()
            .equals(RulesetCompiler.version(RulesetCompiler.read(rulesDir)))) {
      return Optional.of(new Taken(built.ruleset(), built.compiler()));
    }
    built.ruleset().dispose();
    return Optional.empty();
  }

  /**
   * One evaluation of a case that reaches every measure, with no pools: nothing is read or
   * recorded.
   */
  static void warmUp(Ruleset ruleset) throws IOException {
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    try (InputStream in = EarlyRuleset.class.getClassLoader().getResourceAsStream(SAMPLE_CASE)) {
      if (in == null) {
        return;
      }
      CaseRequest sample = json.readValue(in, CaseRequest.class);
      RuleEvaluator.evaluate(ruleset, CaseFactsMapper.toFacts(sample), ClaimPool.EMPTY);
    }
  }
}
