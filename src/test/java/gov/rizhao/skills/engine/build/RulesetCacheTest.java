package gov.rizhao.skills.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import gov.rizhao.skills.api.CaseRequest;
import gov.rizhao.skills.engine.ClaimPool;
import gov.rizhao.skills.engine.EngineResult;
import gov.rizhao.skills.engine.RuleEvaluator;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.engine.RulesetBuildException;
import gov.rizhao.skills.evaluation.service.CaseFactsMapper;
import gov.rizhao.skills.facts.Benefit;
import gov.rizhao.skills.scenarios.Scenario;
import gov.rizhao.skills.support.RuleFiles;
import gov.rizhao.skills.support.Scenarios;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A ruleset read back from the cache is the ruleset that was compiled; anything else is compiled
 * again.
 */
class RulesetCacheTest {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private Path rules;
  private Path cacheDir;

  @BeforeEach
  void setUp() throws IOException {
    rules = RuleFiles.copyOfRules();
    cacheDir = Files.createTempDirectory("ruleset-cache-");
  }

  /**
   * A compiler as a freshly started instance has one: nothing in memory, the cache directory on
   * disk.
   */
  private Ruleset build() {
    RulesetCompiler compiler = new RulesetCompiler(Optional.of(cacheDir));
    Ruleset ruleset = compiler.build(compiler.read(rules));
    compiler.markActive(ruleset);
    compiler.awaitCacheWrites();
    return ruleset;
  }

  private static boolean fromCache(Ruleset ruleset) {
    return ruleset.buildPhases().contains("from cache");
  }

  private Path fileOf(Ruleset ruleset) {
    return RulesetCache.in(cacheDir).orElseThrow().fileOf(ruleset.version());
  }

  @Test
  void theSameFilesAreReadBackAndDecideEveryScenarioAlike() {
    Ruleset compiled = build();
    assertThat(fromCache(compiled)).as(compiled.buildPhases()).isFalse();
    try (Stream<Path> files = list(cacheDir)) {
      assertThat(files.filter(p -> p.toString().endsWith(".ruleset"))).hasSize(1);
    }

    Ruleset cached = build();
    assertThat(fromCache(cached)).as(cached.buildPhases()).isTrue();
    assertThat(cached.version()).isEqualTo(compiled.version());
    assertThat(cached.ruleCount()).isEqualTo(compiled.ruleCount());
    assertThat(cached.files()).isEqualTo(compiled.files());
    assertThat(cached.measures())
        .extracting(m -> m.getId() + " " + m.getArticle() + " " + m.getLocation())
        .containsExactlyElementsOf(
            compiled.measures().stream()
                .map(m -> m.getId() + " " + m.getArticle() + " " + m.getLocation())
                .toList());
    assertThat(cached.allParameters())
        .extracting(p -> p + " " + p.getLocation() + " " + p.getDocument())
        .containsExactlyElementsOf(
            compiled.allParameters().stream()
                .map(p -> p + " " + p.getLocation() + " " + p.getDocument())
                .toList());

    List<Scenario> scenarios = Scenarios.all().toList();
    assertThat(scenarios).hasSizeGreaterThan(50);
    for (Scenario s : scenarios) {
      String expected = describe(evaluate(compiled, s));
      assertThat(describe(evaluate(cached, s))).as(s.toString()).isEqualTo(expected).isNotBlank();
    }
  }

  private static EngineResult evaluate(Ruleset ruleset, Scenario s) {
    return RuleEvaluator.evaluate(
        ruleset,
        CaseFactsMapper.toFacts(JSON.convertValue(s.caseJson(), CaseRequest.class), ruleset),
        ClaimPool.EMPTY);
  }

  @Test
  void anEditedWorkbookIsBuiltAndItsNewValueDecides() {
    build();
    RuleFiles.setCell(rules.resolve("m06-technical-expert.drl.xlsx"), "M06-P07", "取值", "2500");
    Ruleset edited = build();
    assertThat(fromCache(edited)).as(edited.buildPhases()).isFalse();
    assertThat(edited.parametersOn(LocalDate.of(2020, 1, 1)).get("M06.award").getAmount())
        .isEqualByComparingTo("2500");
    assertThat(fromCache(build())).isTrue();
  }

  @Test
  void theVersionLastMadeActiveIsWhatAFreshCompilerFinds() {
    Ruleset first = build();
    RulesetCompiler fresh = new RulesetCompiler(Optional.of(cacheDir));
    Ruleset last = fresh.lastActive().orElseThrow();
    assertThat(last.version()).isEqualTo(first.version());
    assertThat(fromCache(last)).isTrue();
    assertThat(last.sources()).extracting(f -> f.name()).isEqualTo(first.files());
  }

  @Test
  void anUnreadableCacheFileIsCompiledAroundAndWrittenAnew() throws IOException {
    Ruleset first = build();
    Files.writeString(fileOf(first), "not a ruleset");

    Ruleset rebuilt = build();
    assertThat(fromCache(rebuilt)).as(rebuilt.buildPhases()).isFalse();
    assertThat(rebuilt.version()).isEqualTo(first.version());
    assertThat(fromCache(build())).isTrue();
  }

  @Test
  void storedPackagesThatCannotBeLoadedAreCompiledAroundAndWrittenAnew() throws IOException {
    Ruleset first = build();
    try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(fileOf(first)))) {
      out.writeUTF(RulesetCache.FORMAT);
      out.writeObject(
          new StoredBuild(
              first.version(),
              first.sources(),
              first.catalog(),
              Map.of(),
              Map.of(),
              new byte[] {1, 2, 3}));
    }

    Ruleset rebuilt = build();
    assertThat(fromCache(rebuilt)).as(rebuilt.buildPhases()).isFalse();
    assertThat(rebuilt.measures()).hasSameSizeAs(first.measures());
    assertThat(fromCache(build())).isTrue();
  }

  @Test
  void onlyTheBuildsUsedLastAreKeptAndNeverTheActiveOne() throws IOException {
    Ruleset first = build();
    Path firstFile = fileOf(first);
    Files.setLastModifiedTime(firstFile, FileTime.fromMillis(0));
    for (int i = 0; i <= RulesetCache.KEEP; i++) {
      Path old = cacheDir.resolve("old-" + i + ".ruleset");
      Files.writeString(old, "an older build");
      Files.setLastModifiedTime(old, FileTime.fromMillis(1000L * (i + 1)));
    }
    RuleFiles.replaceInFile(rules.resolve("m06-technical-expert.drl"), "// 解读", "// 解读（改）");
    RulesetCompiler compiler = new RulesetCompiler(Optional.of(cacheDir));
    compiler.build(compiler.read(rules)); // written, not made active: the first stays active
    compiler.awaitCacheWrites();

    try (Stream<Path> files = list(cacheDir)) {
      List<String> kept =
          files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ruleset")).toList();
      assertThat(kept)
          .hasSize(RulesetCache.KEEP)
          .contains(firstFile.getFileName().toString())
          .doesNotContain("old-0.ruleset", "old-1.ruleset");
    }
  }

  @Test
  void rulesThatDoNotBuildAreNeverStored() {
    RuleFiles.replaceInFile(
        rules.resolve("m06-technical-expert.drl"), "salience 200", "salience two hundred");
    assertThatThrownBy(this::build).isInstanceOf(RulesetBuildException.class);
    try (Stream<Path> files = list(cacheDir)) {
      assertThat(files.filter(p -> p.toString().endsWith(".ruleset"))).isEmpty();
    }
  }

  private static Stream<Path> list(Path dir) {
    try {
      return Files.list(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything a caller sees of the engine's answer, as text. */
  private static String describe(EngineResult result) {
    return result.decisions().stream()
        .map(
            e ->
                String.join(
                    " | ",
                    e.decision().getMeasure(),
                    e.decision().getSubject(),
                    e.outcome().name(),
                    String.valueOf(e.decision().getAmount()),
                    e.decision().getBenefits().stream()
                        .map(RulesetCacheTest::benefit)
                        .collect(Collectors.joining(", ")),
                    e.reasons().stream()
                        .map(n -> n.code() + ": " + n.message())
                        .collect(Collectors.joining(", ")),
                    e.trace().stream().map(Object::toString).collect(Collectors.joining(", ")),
                    e.decision().getClaims().stream()
                        .map(Object::toString)
                        .collect(Collectors.joining(", "))))
        .collect(Collectors.joining("\n"));
  }

  private static String benefit(Benefit b) {
    return String.join(
        " ",
        String.valueOf(b.getKind()),
        String.valueOf(b.getAmount()),
        String.valueOf(b.getPayee()),
        String.valueOf(b.getMonthlyAmount()),
        String.valueOf(b.getMonths()),
        String.valueOf(b.getFirstMonth()),
        String.valueOf(b.getLastMonth()),
        String.valueOf(b.getLevel()),
        String.valueOf(b.getTitle()));
  }
}
