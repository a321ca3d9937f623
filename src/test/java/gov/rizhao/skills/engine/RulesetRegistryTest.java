package gov.rizhao.skills.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.rizhao.skills.engine.build.RulesetCompiler;
import gov.rizhao.skills.facts.Application;
import gov.rizhao.skills.facts.Organization;
import gov.rizhao.skills.facts.Person;
import gov.rizhao.skills.support.RuleFiles;
import gov.rizhao.skills.support.TestConfig;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registry serves the version the database says is in force, never unreviewed files on disk;
 * falls back to the version last active on the machine when it cannot; and never disposes a ruleset
 * still in use.
 */
class RulesetRegistryTest {
  private Path rules;
  private Path cacheDir;
  private final Map<String, List<RuleFile>> stored = new ConcurrentHashMap<>();
  private final AtomicReference<String> inForce = new AtomicReference<>();
  private boolean databaseDown;

  /** The database's record of the version in force, in memory. */
  private final VersionHistory history =
      new VersionHistory() {
        @Override
        public Optional<String> activeVersion() {
          if (databaseDown) {
            throw new IllegalStateException("database down");
          }
          return Optional.ofNullable(inForce.get());
        }

        @Override
        public void recordInitial(Ruleset ruleset) {
          stored.put(ruleset.version(), ruleset.sources());
          inForce.compareAndSet(null, ruleset.version());
        }
      };

  @BeforeEach
  void setUp() throws IOException {
    rules = RuleFiles.copyOfRules();
    cacheDir = Files.createTempDirectory("ruleset-cache-");
  }

  private RulesetRegistry registry(RulesetBuilder builder) {
    return new RulesetRegistry(
        new TestConfig(rules, cacheDir),
        builder,
        v -> Optional.ofNullable(stored.get(v)),
        history,
        version -> Optional.empty());
  }

  private static CaseFacts aCase(Ruleset ruleset) {
    String measure = ruleset.measures().get(0).getId();
    return new CaseFacts(
        new Application("C-1", LocalDate.of(2021, 5, 1), Set.of(measure)),
        Person.absent(),
        Organization.absent(),
        List.of());
  }

  /** Stores the rules as they are on disk now as a version, and returns it. */
  private String storeDiskRules(RulesetCompiler compiler) {
    List<RuleFile> files = compiler.read(rules);
    stored.put(RuleFile.versionOf(files), files);
    return RuleFile.versionOf(files);
  }

  @Test
  void theFirstStartMakesTheRulesOnDiskTheFirstVersionInForce() {
    RulesetRegistry registry = registry(new RulesetCompiler(Optional.empty()));
    registry.start();
    assertThat(inForce.get()).isEqualTo(registry.current().version());
    assertThat(stored).containsKey(inForce.get());
  }

  @Test
  void aStartServesTheVersionInForceNotTheFilesOnDisk() {
    RulesetCompiler compiler = new RulesetCompiler(Optional.empty());
    String reviewed = storeDiskRules(compiler);
    inForce.set(reviewed);
    RuleFiles.setCell(rules.resolve("m06-technical-expert.drl.xlsx"), "M06-P07", "取值", "2001");
    RulesetRegistry registry = registry(compiler);
    registry.start();
    assertThat(registry.current().version()).isEqualTo(reviewed);
    assertThat(registry.trouble()).isEmpty();
  }

  @Test
  void whenTheDatabaseCannotBeReadTheVersionLastActiveHereServes() {
    RulesetCompiler first = new RulesetCompiler(Optional.of(cacheDir));
    RulesetRegistry before = registry(first);
    before.start();
    String good = before.current().version();
    first.awaitCacheWrites();

    databaseDown = true;
    RulesetRegistry restarted = registry(new RulesetCompiler(Optional.of(cacheDir)));
    restarted.start();
    assertThat(restarted.current().version()).isEqualTo(good);
    assertThat(restarted.trouble()).hasValueSatisfying(t -> assertThat(t).contains("database"));
    EngineResult result =
        restarted.withRuleset(r -> RuleEvaluator.evaluate(r, aCase(r), ClaimPool.EMPTY));
    assertThat(result.decisions()).isNotEmpty();
  }

  @Test
  void withNoVersionToFallBackOnEvaluationsAnswerUnavailable() {
    databaseDown = true;
    RulesetRegistry registry = registry(new RulesetCompiler(Optional.of(cacheDir)));
    registry.start();
    assertThat(registry.active()).isEmpty();
    assertThatThrownBy(() -> registry.withRuleset(r -> r))
        .isInstanceOfSatisfying(
            RulesetUnavailableException.class,
            e -> assertThat(e.toProblem().status()).isEqualTo(503));
  }

  @Test
  void activationSwapsAndARollbackToTheVersionBeforeNeedsNoBuild() {
    RulesetCompiler compiler = new RulesetCompiler(Optional.empty());
    AtomicInteger builds = new AtomicInteger();
    RulesetRegistry registry = registry(counting(compiler, builds));
    registry.start();
    String first = registry.current().version();
    RuleFiles.setCell(rules.resolve("m06-technical-expert.drl.xlsx"), "M06-P07", "取值", "2001");
    String second = storeDiskRules(compiler);

    assertThat(registry.activate(second).version()).isEqualTo(second);
    assertThat(registry.current().version()).isEqualTo(second);
    int afterSecond = builds.get();
    assertThat(registry.activate(first).version()).isEqualTo(first);
    assertThat(builds.get()).as("the version before stays built").isEqualTo(afterSecond);
  }

  @Test
  void filesThatFailedToBuildAreNotBuiltAgainButAnsweredFromMemory() {
    RulesetCompiler compiler = new RulesetCompiler(Optional.empty());
    AtomicInteger builds = new AtomicInteger();
    RulesetRegistry registry = registry(counting(compiler, builds));
    registry.start();
    RuleFiles.setCell(rules.resolve("m06-technical-expert.drl.xlsx"), "M06-P07", "取值", "两千");
    List<RuleFile> bad = compiler.read(rules);
    int before = builds.get();
    List<RuleProblem> first = problems(registry, bad);
    List<RuleProblem> again = problems(registry, bad);
    assertThat(builds.get() - before).isEqualTo(1);
    assertThat(again).isEqualTo(first).isNotEmpty();
  }

  private static List<RuleProblem> problems(RulesetRegistry registry, List<RuleFile> files) {
    try {
      registry.withFiles(files, r -> r);
    } catch (RulesetBuildException e) {
      return e.getProblems();
    }
    throw new AssertionError("the files were expected not to build");
  }

  @Test
  void replaysOfOlderVersionsRacingActivationsAndEvictionsNeverMeetADisposedRuleset()
      throws Exception {
    RulesetCompiler compiler = new RulesetCompiler(Optional.empty());
    RulesetRegistry registry = registry(compiler);
    registry.start();
    Path m06 = rules.resolve("m06-technical-expert.drl.xlsx");
    List<String> versions = new ArrayList<>();
    for (int i = 0; i < RulesetRegistry.KEEP_OLDER + 3; i++) {
      RuleFiles.setCell(m06, "M06-P07", "取值", String.valueOf(2000 + i));
      versions.add(storeDiskRules(compiler));
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
                for (int i = 0; i < 12; i++) {
                  registry.activate(versions.get(i % versions.size()));
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
  void anUnknownVersionIsNotFound() {
    RulesetRegistry registry = registry(new RulesetCompiler(Optional.empty()));
    registry.start();
    assertThatThrownBy(() -> registry.withVersion("sha256:unknown", r -> r))
        .isInstanceOfSatisfying(
            RulesetUnavailableException.class,
            e -> assertThat(e.toProblem().status()).isEqualTo(404));
  }

  private static RulesetBuilder counting(RulesetCompiler compiler, AtomicInteger builds) {
    return new RulesetBuilder() {
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
        return compiler.lastActive();
      }

      @Override
      public void markActive(Ruleset ruleset) {
        compiler.markActive(ruleset);
      }
    };
  }
}
