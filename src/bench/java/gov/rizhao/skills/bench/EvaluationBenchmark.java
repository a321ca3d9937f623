package gov.rizhao.skills.bench;

import gov.rizhao.skills.engine.CaseFacts;
import gov.rizhao.skills.engine.ClaimPool;
import gov.rizhao.skills.engine.EngineResult;
import gov.rizhao.skills.engine.RuleEvaluator;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.engine.build.RulesetCompiler;
import gov.rizhao.skills.evaluation.service.CaseFactsMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.kie.api.runtime.StatelessKieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One case through the full ruleset in-process (rules, trace, quotas and caps; no HTTP, no JSON),
 * next to a bare Drools stateless session with the same KieBase and facts: the engine's own cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class EvaluationBenchmark {
  @Param({"typical", "every-measure"})
  public String kind;

  private Ruleset ruleset;
  private CaseFacts facts;
  private List<Object> bareFacts;

  @Setup(Level.Trial)
  public void build() {
    // As in the service: INFO. At the JBoss LogManager's default (ALL) Drools formats trace lines
    // on every insert.
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
    RulesetCompiler compiler = new RulesetCompiler(Optional.empty());
    ruleset =
        compiler.build(compiler.read(Path.of(System.getProperty("skills.rules-dir", "rules"))));
    facts =
        CaseFactsMapper.toFacts(
            BenchCases.parse(
                kind.equals("typical") ? BenchCases.TYPICAL : BenchCases.EVERY_MEASURE),
            ruleset);
    bareFacts = new ArrayList<>();
    bareFacts.add(facts.application());
    bareFacts.add(facts.person());
    bareFacts.add(facts.organization());
    bareFacts.addAll(facts.items());
  }

  @Benchmark
  public EngineResult service() {
    return RuleEvaluator.evaluate(ruleset, facts, ClaimPool.EMPTY);
  }

  @Benchmark
  public Object bareDrools() {
    StatelessKieSession session = ruleset.kieBase().newStatelessKieSession();
    session.setGlobal("params", ruleset.parametersOn(facts.application().getApplicationDate()));
    session.execute(bareFacts);
    return session;
  }
}
