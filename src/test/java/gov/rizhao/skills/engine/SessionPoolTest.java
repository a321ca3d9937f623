package gov.rizhao.skills.engine;

import static org.assertj.core.api.Assertions.assertThat;

import gov.rizhao.skills.engine.build.RulesetCompiler;
import java.nio.file.Path;
import java.util.Optional;
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
