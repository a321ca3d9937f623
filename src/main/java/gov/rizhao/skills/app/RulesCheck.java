package gov.rizhao.skills.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import gov.rizhao.skills.engine.RuleFile;
import gov.rizhao.skills.engine.RuleProblem;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.engine.RulesetBuildException;
import gov.rizhao.skills.engine.build.RulesetCompiler;
import gov.rizhao.skills.evaluation.service.EvaluationService;
import gov.rizhao.skills.problem.JacksonStrictness;
import gov.rizhao.skills.problem.ProblemException;
import gov.rizhao.skills.releases.DiskScenarios;
import gov.rizhao.skills.releases.ScenarioResults;
import gov.rizhao.skills.releases.Upload;
import gov.rizhao.skills.scenarios.ScenarioRunner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * {@code java -jar quarkus-run.jar check <rules folder | zip>}: builds a set of rule files and runs
 * its scenarios, as an upload would, with no service, database or network. Prints what it finds in
 * Chinese; exit code 0 when the files build and every scenario holds, 1 when not, 2 when the path
 * cannot be read.
 */
final class RulesCheck {
  static final int PASSED = 0;
  static final int FAILED = 1;
  static final int UNREADABLE = 2;

  private RulesCheck() {}

  static int run(List<String> args, PrintStream out) {
    if (args.size() != 1) {
      out.println("用法：java -jar quarkus-run.jar check <规则目录或 zip 文件>");
      out.println("usage: java -jar quarkus-run.jar check <rules folder or zip>");
      return UNREADABLE;
    }
    EngineLogging.warningsOnly();
    Path path = Path.of(args.get(0));
    RulesetCompiler compiler = new RulesetCompiler(Optional.empty());
    List<RuleFile> rules;
    List<RuleFile> scenarios;
    try {
      if (Files.isDirectory(path)) {
        rules = compiler.read(path);
        scenarios = DiskScenarios.read(path);
      } else if (Files.isRegularFile(path)) {
        rules = new ArrayList<>();
        scenarios = new ArrayList<>();
        for (Upload.Part p :
            Upload.read(path.getFileName().toString(), readBounded(path, Upload.MAX_UNPACKED))) {
          (p.isScenario() ? scenarios : rules)
              .add(new RuleFile("rules/" + p.path(), p.path(), p.content()));
        }
      } else {
        out.println("找不到 " + path + "（no such folder or file）");
        return UNREADABLE;
      }
    } catch (IOException | RuntimeException e) {
      out.println("无法读取 " + path + "：" + message(e));
      return UNREADABLE;
    }
    out.println("检查 " + path + "：" + rules.size() + " 个规则文件，" + scenarios.size() + " 个情景文件");
    return check(compiler, rules, scenarios, out);
  }

  private static int check(
      RulesetCompiler compiler,
      List<RuleFile> rules,
      List<RuleFile> scenarioFiles,
      PrintStream out) {
    Ruleset ruleset;
    try {
      ruleset = compiler.build(rules);
    } catch (RulesetBuildException e) {
      out.println("构建失败：" + e.getProblems().size() + " 个问题");
      for (RuleProblem p : e.getProblems()) {
        out.println("  - " + p);
      }
      out.println("结果：不通过（not passed）");
      return FAILED;
    }
    out.println("构建通过：版本 " + ruleset.version() + "，措施 " + ruleset.measures().size() + " 项");
    ScenarioResults.Outcome outcome;
    try (ValidatorFactory validation =
        Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()) {
      Validator validator = validation.getValidator();
      EvaluationService evaluations = new EvaluationService(null, new SimpleMeterRegistry(), null);
      ScenarioRunner runner = new ScenarioRunner(evaluations, validator, contractJson());
      outcome = new ScenarioResults(runner).run(ruleset, scenarioFiles);
    }
    out.println(
        "情景：共 "
            + outcome.run()
            + " 个，通过 "
            + (outcome.run() - outcome.failed())
            + " 个，未通过 "
            + outcome.failed()
            + " 个");
    for (String failure : outcome.failures()) {
      out.println("  - " + failure);
    }
    boolean passed = outcome.failed() == 0;
    out.println(passed ? "结果：通过（passed）" : "结果：不通过（not passed）");
    return passed ? PASSED : FAILED;
  }

  /** The JSON reading the API applies to cases, so a scenario's case is read as a request's. */
  private static ObjectMapper contractJson() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.registerModule(new Jdk8Module());
    mapper.registerModule(new JavaTimeModule());
    new JacksonStrictness().customize(mapper);
    return mapper;
  }

  private static byte[] readBounded(Path file, long max) throws IOException {
    if (Files.size(file) > max) {
      throw new IOException("文件超过 " + (max >> 20) + " MiB（file too large）");
    }
    return Files.readAllBytes(file);
  }

  private static String message(Exception e) {
    if (e instanceof ProblemException p) {
      return p.toProblem().detail();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  static PrintStream utf8Out() {
    return new PrintStream(System.out, true, StandardCharsets.UTF_8);
  }
}
