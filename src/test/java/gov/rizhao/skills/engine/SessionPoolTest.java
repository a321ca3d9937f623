package gov.rizhao.skills.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import gov.rizhao.skills.api.CaseRequest;
import gov.rizhao.skills.engine.build.RulesetCompiler;
import gov.rizhao.skills.evaluation.service.CaseFactsMapper;
import gov.rizhao.skills.facts.Note;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.utils.KieHelper;

/**
 * Sessions are reused emptied, never after a failed case, never more than the pool keeps; a new
 * case's events reach only its own recorder.
 */
class SessionPoolTest {
  private static final KieBase BASE =
      new KieHelper()
          .addContent(
              """
              package t;
              rule "SEEN" when String() then end
              """,
              ResourceType.DRL)
          .build();

  @Test
  void aSessionComesBackEmptyAndIsReused() {
    SessionPool pool = new SessionPool(BASE, 2);
    SessionPool.Lease first = pool.take(new TraceRecorder());
    first.session.insert("case one");
    assertThat(first.session.fireAllRules()).isEqualTo(1);
    pool.give(first, true);

    SessionPool.Lease second = pool.take(new TraceRecorder());
    assertThat(second.session).isSameAs(first.session);
    assertThat(second.session.getFactCount()).as("nothing of the earlier case").isZero();
    second.session.insert("case two");
    assertThat(second.session.fireAllRules())
        .as("the rule fires again for the new fact")
        .isEqualTo(1);
    pool.give(second, true);
  }

  @Test
  void aRuleBaseWithARuleNeedingNoFactGetsANewSessionEveryCase() {
    KieBase base =
        new KieHelper()
            .addContent(
                """
                package t;
                rule "NOTHING-YET" when not String() then end
                """,
                ResourceType.DRL)
            .build();
    SessionPool pool = new SessionPool(base, 2);
    assertThat(pool.reusable()).isFalse();
    SessionPool.Lease first = pool.take(new TraceRecorder());
    assertThat(first.session.fireAllRules()).isEqualTo(1);
    pool.give(first, true);
    SessionPool.Lease second = pool.take(new TraceRecorder());
    assertThat(second.session).isNotSameAs(first.session);
    assertThat(second.session.fireAllRules()).as("fires for the next case too").isEqualTo(1);
  }

  @Test
  void theShippedRulesReuseTheirSessions() {
    RulesetCompiler compiler = new RulesetCompiler(Optional.empty());
    Ruleset ruleset = compiler.build(compiler.read(Path.of("rules")));
    assertThat(ruleset.sessions().reusable())
        .as("no rule of rules/ begins with not, exists, eval or from")
        .isTrue();
  }

  /**
   * Nothing of one case reaches the next: the corpus of recorded cases (every measure, several
   * years) decided in two different orders through reused sessions decides each case alike,
   * decisions, reasons and traces.
   */
  @Test
  void aCaseIsDecidedAlikeWhateverCameBeforeItInTheSession() throws Exception {
    RulesetCompiler compiler = new RulesetCompiler(Optional.empty());
    Ruleset ruleset = compiler.build(compiler.read(Path.of("rules")));
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    List<CaseRequest> cases = new ArrayList<>();
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("corpus/decisions.json")) {
      json.readTree(in)
          .forEach(c -> cases.add(json.convertValue(c.get("case"), CaseRequest.class)));
    }
    assertThat(cases).hasSizeGreaterThan(500);
    Map<String, String> first = decideAll(ruleset, cases, new Random(1));
    Map<String, String> second = decideAll(ruleset, cases, new Random(2));
    assertThat(second).isEqualTo(first);
  }

  private static Map<String, String> decideAll(
      Ruleset ruleset, List<CaseRequest> cases, Random order) {
    List<CaseRequest> shuffled = new ArrayList<>(cases);
    Collections.shuffle(shuffled, order);
    Map<String, String> decided = new TreeMap<>();
    for (CaseRequest c : shuffled) {
      EngineResult result =
          RuleEvaluator.evaluate(ruleset, CaseFactsMapper.toFacts(c, ruleset), ClaimPool.EMPTY);
      decided.put(
          c.caseId(),
          result.decisions().stream()
              .map(
                  d ->
                      d.decision().getMeasure()
                          + d.decision().getSubject()
                          + d.outcome()
                          + d.decision().getAmount()
                          + d.reasons().stream().map(Note::code).toList()
                          + d.trace().stream().map(TraceStep::rule).toList())
              .toList()
              .toString());
    }
    return decided;
  }

  @Test
  void aSessionWhoseCaseFailedIsNotReusedAndAtMostIdleWait() {
    SessionPool pool = new SessionPool(BASE, 1);
    SessionPool.Lease failed = pool.take(new TraceRecorder());
    failed.session.insert("half a case");
    pool.give(failed, false);
    assertThat(pool.take(new TraceRecorder()).session).isNotSameAs(failed.session);

    SessionPool.Lease a = pool.take(new TraceRecorder());
    SessionPool.Lease b = pool.take(new TraceRecorder());
    pool.give(a, true);
    pool.give(b, true);
    SessionPool.Lease next = pool.take(new TraceRecorder());
    assertThat(next.session).isSameAs(a.session);
    assertThat(pool.take(new TraceRecorder()).session)
        .as("the second was disposed: one waits at most")
        .isNotSameAs(b.session);

    pool.give(next, true);
    pool.close();
    assertThat(pool.take(new TraceRecorder()).session).isNotSameAs(next.session);
  }
}
