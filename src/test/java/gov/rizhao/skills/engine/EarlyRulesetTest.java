package gov.rizhao.skills.engine;

import static org.assertj.core.api.Assertions.assertThat;

import gov.rizhao.skills.support.RuleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ruleset built while the service starts is used only if it is the one the service would build. */
class EarlyRulesetTest {
  private Path rules;
  private String configuredRules;

  @BeforeEach
  void setUp() throws IOException {
    configuredRules = System.getProperty("skills.rules-dir");
    rules = RuleFiles.copyOfRules();
    System.setProperty("skills.rules-dir", rules.toString());
    System.setProperty("skills.ruleset-cache-dir", Files.createTempDirectory("ruleset-cache-").toString());
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
    Ruleset early = EarlyRuleset.take(rules).orElseThrow();
    assertThat(early.measures()).hasSize(10);
    assertThat(early.version()).isEqualTo(RulesetCompiler.version(RulesetCompiler.read(rules)));
    assertThat(EarlyRuleset.take(rules)).isEmpty();
  }

  @Test
  void anotherDirectoryOrEditedFilesAreBuiltAgain() {
    EarlyRuleset.begin();
    assertThat(EarlyRuleset.take(RuleFiles.copyOfRules())).isEmpty();

    EarlyRuleset.begin();
    EarlyRuleset.awaitBuild();
    RuleFiles.replaceInFile(rules.resolve("m06-technical-expert.drl"), "// 解读", "// 解读（已修改）");
    assertThat(EarlyRuleset.take(rules)).isEmpty();
  }

  @Test
  void nothingBegunIsNothingTaken() {
    assertThat(EarlyRuleset.take(rules)).isEmpty();
  }
}
