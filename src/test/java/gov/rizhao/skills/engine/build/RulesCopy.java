package gov.rizhao.skills.engine.build;

import gov.rizhao.skills.engine.RuleProblem;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.engine.RulesetBuildException;
import gov.rizhao.skills.support.RuleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A copy of the real rules to edit as an analyst would, and a compiler to build it with. */
final class RulesCopy {
  final RulesetCompiler compiler = new RulesetCompiler(Optional.empty());
  final Path rules = RuleFiles.copyOfRules();
  final Path m06 = rules.resolve("m06-technical-expert.drl.xlsx");

  Ruleset build() {
    return compiler.build(compiler.read(rules));
  }

  /** The problems of the copy, which must not build. */
  List<RuleProblem> problems() {
    try {
      build();
    } catch (RulesetBuildException e) {
      return e.getProblems();
    }
    throw new AssertionError("the rules built, but a problem was expected");
  }

  static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + file);
  }
}
