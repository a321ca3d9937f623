package gov.rizhao.skills.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.rizhao.skills.api.CaseRequest;
import gov.rizhao.skills.engine.ClaimPool;
import gov.rizhao.skills.engine.EngineResult;
import gov.rizhao.skills.engine.EvaluatedDecision;
import gov.rizhao.skills.engine.RuleEvaluator;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.engine.build.RulesetCompiler;
import gov.rizhao.skills.evaluation.service.CaseFactsMapper;
import gov.rizhao.skills.facts.Benefit;
import gov.rizhao.skills.facts.BenefitKind;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.kie.dmn.api.core.DMNResult;

/**
 * The in-process half of the side-by-side comparison: the generated cases through this service's
 * engine (the full ruleset: rules, trace, quotas and caps, as in the service) and through the DMN
 * model of M06 and M10, each timed alone on one thread the way the GoRules ZEN runner times itself.
 * Writes each engine's results for the cross-check and prints one JSON line per engine.
 *
 * <p>{@code SideBySide <cases.jsonl> <out-dir> <rules-dir> <dmn-file> <seconds>}
 */
public final class SideBySide {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SideBySide() {}

  public static void main(String[] args) throws IOException {
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
    List<CaseRequest> cases =
        Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isBlank())
            .map(BenchCases::parse)
            .toList();
    Path out = Path.of(args[1]);
    RulesetCompiler compiler = new RulesetCompiler(Optional.empty());
    Ruleset ruleset = compiler.build(compiler.read(Path.of(args[2])));
    DmnSide dmn = new DmnSide(Path.of(args[3]));
    double seconds = Double.parseDouble(args[4]);

    Function<CaseRequest, EngineResult> ours =
        c -> RuleEvaluator.evaluate(ruleset, CaseFactsMapper.toFacts(c, ruleset), ClaimPool.EMPTY);
    write(out.resolve("ours-results.jsonl"), cases, c -> normalize(c.caseId(), ours.apply(c)));
    write(
        out.resolve("dmn-results.jsonl"),
        cases,
        c -> DmnSide.normalize(c.caseId(), dmn.evaluate(c)));
    System.out.println(time("skills-rules", cases, ours, seconds));
    Function<CaseRequest, DMNResult> dmnEvaluate = dmn::evaluate;
    System.out.println(time("Drools DMN (kie-dmn-core)", cases, dmnEvaluate, seconds));
  }

  private static void write(Path file, List<CaseRequest> cases, Function<CaseRequest, SideResult> f)
      throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (CaseRequest c : cases) {
        w.write(JSON.writeValueAsString(f.apply(c).toJson(JSON)));
        w.newLine();
      }
    }
  }

  static SideResult normalize(String caseId, EngineResult result) {
    EvaluatedDecision m06 = only(result, "M06");
    EvaluatedDecision m10 = only(result, "M10");
    String promotion =
        m10.decision().getBenefits().stream()
            .filter(b -> b.getKind() == BenefitKind.PROMOTION)
            .map(Benefit::getLevel)
            .map(Enum::name)
            .findFirst()
            .orElse(null);
    return new SideResult(
        caseId,
        m06.outcome().name(),
        m06.decision().getAmount(),
        m10.outcome().name(),
        m10.decision().getAmount(),
        promotion);
  }

  private static EvaluatedDecision only(EngineResult result, String measure) {
    List<EvaluatedDecision> found =
        result.decisions().stream().filter(d -> d.decision().getMeasure().equals(measure)).toList();
    if (found.size() != 1) {
      throw new IllegalStateException(measure + " 应有一项决定，实为 " + found.size());
    }
    return found.get(0);
  }

  /**
   * Loops over the cases on this thread: half the time to warm up, then the time measured, each
   * call timed alone. The JSON line the summary reads.
   */
  private static <R> String time(
      String engine, List<CaseRequest> cases, Function<CaseRequest, R> f, double seconds) {
    loop(cases, f, (long) (seconds / 2 * 1e9), null);
    long[] samples = new long[1 << 22];
    long start = System.nanoTime();
    int n = loop(cases, f, (long) (seconds * 1e9), samples);
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] sorted = Arrays.copyOf(samples, Math.min(n, samples.length));
    Arrays.sort(sorted);
    return String.format(
        "{\"engine\":\"%s\",\"cases\":%d,\"evaluations\":%d,\"evaluationsPerSecond\":%.0f,"
            + "\"medianMicros\":%.2f,\"p99Micros\":%.2f}",
        engine,
        cases.size(),
        n,
        n / elapsed,
        sorted[sorted.length / 2] / 1e3,
        sorted[(int) (sorted.length * 0.99)] / 1e3);
  }

  private static <R> int loop(
      List<CaseRequest> cases, Function<CaseRequest, R> f, long nanos, long[] samples) {
    long end = System.nanoTime() + nanos;
    int n = 0;
    Object sink = null;
    while (System.nanoTime() < end) {
      for (CaseRequest c : cases) {
        long t0 = System.nanoTime();
        sink = f.apply(c);
        if (samples != null && n < samples.length) {
          samples[n] = System.nanoTime() - t0;
        }
        n++;
      }
    }
    if (sink == null) {
      throw new IllegalStateException("no evaluation");
    }
    return n;
  }
}
