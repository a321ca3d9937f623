package gov.rizhao.skills.engine;

import gov.rizhao.skills.facts.Decision;
import gov.rizhao.skills.facts.Parameter;
import gov.rizhao.skills.facts.PolicyDocument;
import gov.rizhao.skills.facts.Unmet;
import java.util.ArrayList;
import java.util.Collections;
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
 * Watches one session: collects the decisions and unmet conditions the rules insert, and for each
 * decision the rules that fired for it (the one that created it, and every one whose match holds
 * it) with the parameter rows they read, in firing order. A fact a rule inserts on the way (say,
 * "this result qualifies") carries the steps that produced it, and they join the trace of any
 * decision a later rule makes from that fact.
 */
final class TraceRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
  private final List<Decision> decisions = new ArrayList<>();
  private final List<Unmet> unmet = new ArrayList<>();
  private final Map<Decision, Set<String>> steps = new IdentityHashMap<>();
  private final Map<Object, List<String>> provenance = new IdentityHashMap<>();
  private final List<Decision> createdByCurrent = new ArrayList<>();
  private List<String> current;

  @Override
  public void beforeMatchFired(BeforeMatchFiredEvent event) {
    Match match = event.getMatch();
    List<Object> objects = match.getObjects();
    List<String> firing = new ArrayList<>(4);
    for (Object o : objects) {
      List<String> earlier = provenance.get(o);
      if (earlier != null) {
        firing.addAll(earlier);
      }
    }
    firing.add(match.getRule().getName());
    for (Object o : objects) {
      if (o instanceof Parameter p) {
        firing.add(p.getId());
      } else if (o instanceof PolicyDocument d) {
        firing.add(d.getId());
      }
    }
    current = firing;
    createdByCurrent.clear();
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    Set<Decision> concerned = Collections.newSetFromMap(new IdentityHashMap<>());
    concerned.addAll(createdByCurrent);
    for (Object o : event.getMatch().getObjects()) {
      if (o instanceof Decision d) {
        concerned.add(d);
      } else if (o instanceof Unmet u) {
        concerned.add(u.getDecision());
      }
    }
    for (Decision d : concerned) {
      steps.computeIfAbsent(d, k -> new LinkedHashSet<>()).addAll(current);
    }
    createdByCurrent.clear();
    current = null;
  }

  @Override
  public void objectInserted(ObjectInsertedEvent event) {
    Object o = event.getObject();
    if (o instanceof Decision d) {
      decisions.add(d);
      createdByCurrent.add(d);
    } else if (o instanceof Unmet u) {
      unmet.add(u);
    } else if (current != null) {
      provenance.put(o, current);
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
