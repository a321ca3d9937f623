package gov.rizhao.skills.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import gov.rizhao.skills.api.CaseRequest;
import gov.rizhao.skills.config.SkillsConfig;
import gov.rizhao.skills.engine.ClaimPool;
import gov.rizhao.skills.engine.RuleEvaluator;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.engine.build.RulesetCompiler;
import gov.rizhao.skills.evaluation.service.CaseFactsMapper;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.config.SmallRyeConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * The ruleset of a starting service, built while Quarkus starts rather than after: with the same
 * settings the service will have, then run once on a sample case so the first request does not pay
 * for the engine's first session. The compiler that built it becomes the application's one
 * compiler; the registry takes the ruleset only if it is the version it is about to serve.
 *
 * <p>The hand-over from {@code main} to the application is the one place that needs a static field.
 */
final class EarlyRuleset {
  private static final Logger LOG = Logger.getLogger(EarlyRuleset.class);
  private static final String SAMPLE_CASE = "warm-up-case.json";

  /**
   * What the early start made: the compiler, the settings it was made with, and the ruleset if it
   * built.
   */
  private record Built(
      Path rulesDir, Optional<Path> cacheDir, RulesetCompiler compiler, Ruleset ruleset) {}

  private static volatile CompletableFuture<Built> pending;

  private EarlyRuleset() {}

  /**
   * Starts the build on a daemon thread; the service's configuration is read as Quarkus will read
   * it.
   */
  static void begin() {
    CompletableFuture<Built> future = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                SmallRyeConfig config =
                    ConfigUtils.configBuilder().withMapping(SkillsConfig.class).build();
                SkillsConfig skills = config.getConfigMapping(SkillsConfig.class);
                RulesetCompiler compiler = new RulesetCompiler(skills.rulesetCacheDir());
                Ruleset ruleset = null;
                try {
                  ruleset = compiler.build(compiler.read(skills.rulesDir()));
                  warmUp(ruleset);
                } catch (RuntimeException | IOException e) {
                  LOG.debugf(
                      "The early build did not finish (%s); the registry reports it", e.toString());
                }
                future.complete(
                    new Built(
                        normal(skills.rulesDir()),
                        skills.rulesetCacheDir().map(EarlyRuleset::normal),
                        compiler,
                        ruleset));
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

  /**
   * The early compiler, if one was begun with these settings (waits for the early build to end).
   */
  static Optional<RulesetCompiler> compiler(SkillsConfig config) {
    return built(config).map(Built::compiler);
  }

  /** The early ruleset, if built with these settings and of this version; taken once. */
  static Optional<Ruleset> take(SkillsConfig config, String version) {
    Optional<Built> built = built(config);
    pending = null;
    return built.map(Built::ruleset).filter(r -> r != null && r.version().equals(version));
  }

  private static Optional<Built> built(SkillsConfig config) {
    CompletableFuture<Built> future = pending;
    if (future == null) {
      return Optional.empty();
    }
    try {
      Built built = future.join();
      boolean same =
          built.rulesDir().equals(normal(config.rulesDir()))
              && built.cacheDir().equals(config.rulesetCacheDir().map(EarlyRuleset::normal));
      return same ? Optional.of(built) : Optional.empty();
    } catch (RuntimeException e) {
      LOG.warnf(e, "The ruleset built beside the start is not used");
      return Optional.empty();
    }
  }

  private static Path normal(Path p) {
    return p.toAbsolutePath().normalize();
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
      RuleEvaluator.evaluate(ruleset, CaseFactsMapper.toFacts(sample, ruleset), ClaimPool.EMPTY);
    }
  }
}
