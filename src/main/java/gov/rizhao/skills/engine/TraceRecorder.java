package gov.rizhao.skills.engine;

import gov.rizhao.skills.facts.Decision;
import gov.rizhao.skills.facts.Parameter;
import gov.rizhao.skills.facts.Unmet;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.Match;

/**
 * Watches one session: collects the decisions and unmet conditions the rules insert, and for each decision the
 * rules that fired for it (the one that created it, and every one whose match holds it) with the parameter rows
 * they read, in firing order.
 */
final class TraceRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
  private final List<Decision> decisions = new ArrayList<>();
  private final List<Unmet> unmet = new ArrayList<>();
  private final Map<Decision, Set<String>> steps = new IdentityHashMap<>();
  private final List<Decision> createdByCurrent = new ArrayList<>();

  @Override
  public void beforeMatchFired(BeforeMatchFiredEvent event) {
    createdByCurrent.clear();
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    Match match = event.getMatch();
    List<Object> objects = match.getObjects();
    Set<Decision> concerned = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    concerned.addAll(createdByCurrent);
    List<String> rows = new ArrayList<>(2);
    for (Object o : objects) {
      if (o instanceof Decision d) {
        concerned.add(d);
      } else if (o instanceof Unmet u) {
        concerned.add(u.getDecision());
      } else if (o instanceof Parameter p) {
        rows.add(p.getId());
      }
    }
    String rule = match.getRule().getName();
    for (Decision d : concerned) {
      Set<String> trace = steps.computeIfAbsent(d, k -> new LinkedHashSet<>());
      trace.add(rule);
      trace.addAll(rows);
    }
    createdByCurrent.clear();
  }

  @Override
  public void objectInserted(ObjectInsertedEvent event) {
    Object o = event.getObject();
    if (o instanceof Decision d) {
      decisions.add(d);
      createdByCurrent.add(d);
    } else if (o instanceof Unmet u) {
      unmet.add(u);
    }
  }

  @Override
  public void objectUpdated(ObjectUpdatedEvent event) {
    // nothing to record
  }

  @Override
  public void objectDeleted(ObjectDeletedEvent event) {
    Object o = event.getOldObject();
    if (o instanceof Unmet u) {
      unmet.remove(u);
    }
  }

  List<Decision> decisions() {
    return decisions;
  }

  List<Unmet> unmet() {
    return unmet;
  }

  /** Rule ids and parameter row ids, in firing order. */
  Set<String> stepsOf(Decision d) {
    return steps.getOrDefault(d, Set.of());
  }
}
