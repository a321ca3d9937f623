package gov.rizhao.skills.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import gov.rizhao.skills.evaluation.api.CaseRequest;
import gov.rizhao.skills.evaluation.service.CaseFactsMapper;
import gov.rizhao.skills.facts.Benefit;
import gov.rizhao.skills.support.RuleFiles;
import gov.rizhao.skills.support.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
    Ruleset ruleset = new RulesetCompiler(Optional.of(cacheDir)).compile(rules);
    RulesetCache.awaitWrites();
    return ruleset;
  }

  private static boolean fromCache(Ruleset ruleset) {
    return ruleset.buildPhases().contains("from cache");
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
    assertThat(cached.measures())
        .extracting(m -> m.getId() + " " + m.getArticle() + " " + m.getLocation())
        .containsExactlyElementsOf(
            compiled.measures().stream()
                .map(m -> m.getId() + " " + m.getArticle() + " " + m.getLocation())
                .toList());
    assertThat(cached.allParameters())
        .extracting(Object::toString)
        .containsExactlyElementsOf(
            compiled.allParameters().stream().map(Object::toString).toList());
    assertThat(cached.parametersOn(LocalDate.of(2020, 1, 1)).get("M06.award").getAmount())
        .isEqualByComparingTo("2000");

    List<Scenarios.Scenario> scenarios = Scenarios.all().toList();
    assertThat(scenarios).hasSizeGreaterThan(50);
    for (Scenarios.Scenario s : scenarios) {
      CaseFacts facts = CaseFactsMapper.toFacts(JSON.convertValue(s.caseJson(), CaseRequest.class));
      String expected = describe(RuleEvaluator.evaluate(compiled, facts, ClaimPool.EMPTY));
      assertThat(
              describe(
                  RuleEvaluator.evaluate(
                      cached,
                      CaseFactsMapper.toFacts(JSON.convertValue(s.caseJson(), CaseRequest.class)),
                      ClaimPool.EMPTY)))
          .as(s.toString())
          .isEqualTo(expected)
          .isNotBlank();
    }
  }

  @Test
  void anEditedTableIsCompiledAndItsNewValueDecides() {
    build();
    RuleFiles.setCell(rules.resolve("m06-technical-expert.drl.xlsx"), "M06-P07", "取值", "2500");
    Ruleset edited = build();
    assertThat(fromCache(edited)).as(edited.buildPhases()).isFalse();
    assertThat(edited.parametersOn(LocalDate.of(2020, 1, 1)).get("M06.award").getAmount())
        .isEqualByComparingTo("2500");
    assertThat(fromCache(build())).isTrue();
  }

  @Test
  void anUnreadableCacheFileIsCompiledAroundAndWrittenAnew() throws IOException {
    Ruleset first = build();
    Path file = RulesetCache.in(cacheDir).orElseThrow().fileOf(first.version());
    Files.writeString(file, "not a ruleset");

    Ruleset rebuilt = build();
    assertThat(fromCache(rebuilt)).as(rebuilt.buildPhases()).isFalse();
    assertThat(rebuilt.version()).isEqualTo(first.version());
    assertThat(fromCache(build())).isTrue();
  }

  @Test
  void storedPackagesThatCannotBeLoadedAreCompiledAroundAndWrittenAnew() throws IOException {
    Ruleset first = build();
    Path file = RulesetCache.in(cacheDir).orElseThrow().fileOf(first.version());
    try (java.io.ObjectOutputStream out =
        new java.io.ObjectOutputStream(Files.newOutputStream(file))) {
      out.writeUTF(RulesetCache.FORMAT);
      out.writeObject(
          new RulesetCache.Stored(
              java.util.Map.of(), java.util.Map.of(), new byte[] {1, 2, 3}, new byte[] {4, 5, 6}));
    }

    Ruleset rebuilt = build();
    assertThat(fromCache(rebuilt)).as(rebuilt.buildPhases()).isFalse();
    assertThat(rebuilt.measures()).hasSize(10);
    assertThat(fromCache(build())).isTrue();
  }

  @Test
  void onlyTheBuildsUsedLastAreKept() throws IOException {
    Ruleset first = build();
    Path firstFile = RulesetCache.in(cacheDir).orElseThrow().fileOf(first.version());
    Files.setLastModifiedTime(firstFile, java.nio.file.attribute.FileTime.fromMillis(0));
    build(); // a hit marks the file as used now
    assertThat(Files.getLastModifiedTime(firstFile).toMillis()).isGreaterThan(0);
    for (int i = 0; i <= RulesetCache.KEEP; i++) {
      Files.writeString(cacheDir.resolve("old-" + i + ".ruleset"), "an older build");
      Files.setLastModifiedTime(
          cacheDir.resolve("old-" + i + ".ruleset"),
          java.nio.file.attribute.FileTime.fromMillis(1000L * (i + 1)));
    }
    RuleFiles.replaceInFile(rules.resolve("m06-technical-expert.drl"), "// 解读", "// 解读（改）");
    build(); // a new build is written, and the oldest are deleted

    try (Stream<Path> files = list(cacheDir)) {
      List<String> kept = files.map(p -> p.getFileName().toString()).toList();
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
      assertThat(files).isEmpty();
    }
  }

  private static Stream<Path> list(Path dir) {
    try {
      return Files.list(dir);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
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
    return b.getKind()
        + " "
        + b.getAmount()
        + " "
        + b.getPayee()
        + " "
        + b.getMonthlyAmount()
        + " "
        + b.getMonths()
        + " "
        + b.getFirstMonth()
        + " "
        + b.getLastMonth()
        + " "
        + b.getLevel()
        + " "
        + b.getTitle();
  }
}
