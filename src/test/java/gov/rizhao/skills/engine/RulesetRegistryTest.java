package gov.rizhao.skills.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.rizhao.skills.config.SkillsConfig;
import gov.rizhao.skills.engine.build.RulesetCompiler;
import gov.rizhao.skills.facts.Application;
import gov.rizhao.skills.facts.Organization;
import gov.rizhao.skills.facts.Person;
import gov.rizhao.skills.support.RuleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registry serves a ruleset whatever the files on disk say, and never disposes one still in
 * use.
 */
class RulesetRegistryTest {
  private Path rules;
  private Path cacheDir;
  private final Map<String, List<RuleFile>> stored = new ConcurrentHashMap<>();

  @BeforeEach
  void setUp() throws IOException {
    rules = RuleFiles.copyOfRules();
    cacheDir = Files.createTempDirectory("ruleset-cache-");
  }

  private SkillsConfig config() {
    return new SkillsConfig() {
      @Override
      public Path rulesDir() {
        return rules;
      }

      @Override
      public Optional<Path> rulesetCacheDir() {
        return Optional.of(cacheDir);
      }

      @Override
      public long maxBodyBytes() {
        return 1 << 20;
      }

      @Override
      public int maxBatchCases() {
        return 1000;
      }

      @Override
      public java.time.Duration bodyReadTimeout() {
        return java.time.Duration.ofSeconds(10);
      }

      @Override
      public Path dataDir() {
        return cacheDir;
      }

      @Override
      public Auth auth() {
        throw new UnsupportedOperationException("the registry needs no accounts");
      }
    };
  }

  private RulesetRegistry registry(RulesetCompiler compiler) {
    return new RulesetRegistry(
        config(), compiler, v -> Optional.ofNullable(stored.get(v)), version -> Optional.empty());
  }

  private static CaseFacts aCase(Ruleset ruleset) {
    String measure = ruleset.measures().get(0).getId();
    return new CaseFacts(
        new Application("C-1", LocalDate.of(2021, 5, 1), Set.of(measure)),
        Person.absent(),
        Organization.absent(),
        List.of());
  }

  @Test
  void filesThatDoNotBuildAtStartLeaveTheVersionLastActiveServing() {
    RulesetCompiler first = new RulesetCompiler(Optional.of(cacheDir));
    RulesetRegistry before = registry(first);
    before.start();
    String good = before.current().version();
    first.awaitCacheWrites();

    RuleFiles.setCell(rules.resolve("m06-technical-expert.drl.xlsx"), "M06-P07", "取值", "两千");
    RulesetRegistry restarted = registry(new RulesetCompiler(Optional.of(cacheDir)));
    restarted.start();

    assertThat(restarted.current().version()).isEqualTo(good);
    assertThat(restarted.refusedOnDisk())
        .hasValueSatisfying(
            e ->
                assertThat(e.getProblems())
                    .anySatisfy(p -> assertThat(p.message()).contains("两千")));
    EngineResult result =
        restarted.withRuleset(r -> RuleEvaluator.evaluate(r, aCase(r), ClaimPool.EMPTY));
    assertThat(result.decisions()).isNotEmpty();
  }

  @Test
  void withNoVersionToFallBackOnTheServiceStartsAndAnswersUnavailable() {
    RuleFiles.setCell(rules.resolve("m06-technical-expert.drl.xlsx"), "M06-P07", "取值", "两千");
    RulesetRegistry registry = registry(new RulesetCompiler(Optional.of(cacheDir)));
    registry.start();
    assertThat(registry.active()).isEmpty();
    assertThatThrownBy(() -> registry.withRuleset(r -> r))
        .isInstanceOfSatisfying(
            RulesetUnavailableException.class,
            e -> assertThat(e.toProblem().status()).isEqualTo(503));

    RuleFiles.setCell(rules.resolve("m06-technical-expert.drl.xlsx"), "M06-P07", "取值", "2000");
    assertThat(registry.reload().changed()).isTrue();
    assertThat(registry.refusedOnDisk()).isEmpty();
    assertThat(registry.active()).isPresent();
  }

  @Test
  void replaysOfOlderVersionsRacingReloadsAndEvictionsNeverMeetADisposedRuleset() throws Exception {
    RulesetCompiler compiler = new RulesetCompiler(Optional.empty());
    RulesetRegistry registry = registry(compiler);
    registry.start();
    Path m06 = rules.resolve("m06-technical-expert.drl.xlsx");
    List<String> versions = new ArrayList<>();
    for (int i = 0; i < RulesetRegistry.KEEP_OLDER + 3; i++) {
      RuleFiles.setCell(m06, "M06-P07", "取值", String.valueOf(2000 + i));
      List<RuleFile> files = compiler.read(rules);
      stored.put(RuleFile.versionOf(files), files);
      versions.add(RuleFile.versionOf(files));
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        int offset = t;
        work.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 40; i++) {
                    String version = versions.get((i + offset) % versions.size());
                    registry.withVersion(
                        version,
                        r -> {
                          assertThat(r.version()).isEqualTo(version);
                          return RuleEvaluator.evaluate(r, aCase(r), ClaimPool.EMPTY);
                        });
                  }
                  return null;
                }));
      }
      work.add(
          threads.submit(
              () -> {
                for (int i = 0; i < 6; i++) {
                  RuleFiles.setCell(m06, "M06-P07", "取值", String.valueOf(3000 + i));
                  registry.reload();
                  registry.withRuleset(r -> RuleEvaluator.evaluate(r, aCase(r), ClaimPool.EMPTY));
                }
                return null;
              }));
      for (Future<?> f : work) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void filesThatFailedToBuildAreNotBuiltAgainButAnsweredFromMemory() {
    RulesetCompiler compiler = new RulesetCompiler(Optional.empty());
    java.util.concurrent.atomic.AtomicInteger builds =
        new java.util.concurrent.atomic.AtomicInteger();
    RulesetBuilder counting =
        new RulesetBuilder() {
          @Override
          public List<RuleFile> read(Path rulesDir) {
            return compiler.read(rulesDir);
          }

          @Override
          public Ruleset build(List<RuleFile> files) {
            builds.incrementAndGet();
            return compiler.build(files);
          }

          @Override
          public Optional<Ruleset> lastActive() {
            return Optional.empty();
          }

          @Override
          public void markActive(Ruleset ruleset) {}
        };
    RulesetRegistry registry =
        new RulesetRegistry(
            config(), counting, v -> Optional.ofNullable(stored.get(v)), v -> Optional.empty());
    registry.start();
    String good = registry.current().version();
    RuleFiles.setCell(rules.resolve("m06-technical-expert.drl.xlsx"), "M06-P07", "取值", "两千");
    int before = builds.get();
    List<RuleProblem> first = problemsOfReload(registry);
    List<RuleProblem> again = problemsOfReload(registry);
    assertThat(builds.get() - before).isEqualTo(1);
    assertThat(again).isEqualTo(first).isNotEmpty();
    assertThat(registry.current().version()).isEqualTo(good);

    RuleFiles.setCell(rules.resolve("m06-technical-expert.drl.xlsx"), "M06-P07", "取值", "2001");
    assertThat(registry.reload().changed()).isTrue();
    assertThat(builds.get() - before).isEqualTo(2);
  }

  private static List<RuleProblem> problemsOfReload(RulesetRegistry registry) {
    try {
      registry.reload();
    } catch (RulesetBuildException e) {
      return e.getProblems();
    }
    throw new AssertionError("the reload was expected to fail");
  }

  @Test
  void anUnknownVersionIsNotFound() {
    RulesetRegistry registry = registry(new RulesetCompiler(Optional.empty()));
    registry.start();
    assertThatThrownBy(() -> registry.withVersion("sha256:unknown", r -> r))
        .isInstanceOfSatisfying(
            RulesetUnavailableException.class,
            e -> assertThat(e.toProblem().status()).isEqualTo(404));
  }
}
