package gov.rizhao.skills.engine;

import static org.assertj.core.api.Assertions.assertThat;

import gov.rizhao.skills.support.RuleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ruleset built while the service starts is used only if it is the one the service would build.
 */
class EarlyRulesetTest {
  private Path rules;
  private Path cacheDir;
  private String configuredRules;

  @BeforeEach
  void setUp() throws IOException {
    configuredRules = System.getProperty("skills.rules-dir");
    rules = RuleFiles.copyOfRules();
    System.setProperty("skills.rules-dir", rules.toString());
    cacheDir = Files.createTempDirectory("ruleset-cache-");
    System.setProperty("skills.ruleset-cache-dir", cacheDir.toString());
  }

  @AfterEach
  void restore() {
    if (configuredRules == null) {
      System.clearProperty("skills.rules-dir");
    } else {
      System.setProperty("skills.rules-dir", configuredRules);
    }
    System.clearProperty("skills.ruleset-cache-dir");
  }

  @Test
  void theConfiguredDirectoryIsBuiltAheadAndTakenOnce() {
    EarlyRuleset.begin();
    EarlyRuleset.Taken early = EarlyRuleset.take(rules, Optional.of(cacheDir)).orElseThrow();
    assertThat(early.ruleset().measures()).hasSize(10);
    assertThat(early.ruleset().version())
        .isEqualTo(RulesetCompiler.version(RulesetCompiler.read(rules)));
    assertThat(EarlyRuleset.take(rules, Optional.of(cacheDir))).isEmpty();

    // The compiler comes along: it remembers the compiled logic, so a table edit does not compile
    // the DRL again.
    RuleFiles.setCell(rules.resolve("m06-technical-expert.drl.xlsx"), "M06-P07", "取值", "2500");
    assertThat(early.compiler().compile(rules).kieBase()).isSameAs(early.ruleset().kieBase());
  }

  @Test
  void anotherDirectoryOrEditedFilesAreBuiltAgain() {
    EarlyRuleset.begin();
    assertThat(EarlyRuleset.take(RuleFiles.copyOfRules(), Optional.of(cacheDir))).isEmpty();

    EarlyRuleset.begin();
    assertThat(EarlyRuleset.take(rules, Optional.empty())).isEmpty();

    EarlyRuleset.begin();
    EarlyRuleset.awaitBuild();
    RuleFiles.replaceInFile(rules.resolve("m06-technical-expert.drl"), "// 解读", "// 解读（已修改）");
    assertThat(EarlyRuleset.take(rules, Optional.of(cacheDir))).isEmpty();
  }

  @Test
  void nothingBegunIsNothingTaken() {
    assertThat(EarlyRuleset.take(rules, Optional.of(cacheDir))).isEmpty();
  }
}
