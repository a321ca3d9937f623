package gov.rizhao.skills.engine;

import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.drools.base.base.ClassObjectType;
import org.drools.base.rule.EntryPointId;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Sessions of one rule base, reused from case to case. After a case every fact is deleted from its
 * session, which leaves it holding nothing, as a new one would, while keeping what Drools builds on
 * a session's first use (the segment memories that link its rules); a reset, as Drools' own session
 * pool does, throws that away and walks every node to do so, and the next case builds it again. A
 * session whose case failed, or that could not be emptied, is disposed, never reused; at most
 * {@code idle} wait.
 *
 * <p>A rule that can match with no fact of the case (its conditions begin with {@code not}, {@code
 * exists}, {@code eval} or {@code from}) hangs on a fact Drools keeps in every session for the
 * purpose, which deleting the case's facts does not remove: it would fire in a session's first case
 * only. A rule base with such a rule gets a new session for every case.
 */
public final class SessionPool {
  private final KieBase base;
  private final int idle;
  private final ConcurrentLinkedDeque<Lease> ready = new ConcurrentLinkedDeque<>();
  private final AtomicInteger waiting = new AtomicInteger();
  private final boolean reusable;
  private volatile boolean closed;

  public SessionPool(KieBase base, int idle) {
    this.base = base;
    this.idle = idle;
    this.reusable = reusable(base);
  }

  /** False when some rule matches on Drools' own initial fact (see above). */
  public boolean reusable() {
    return reusable;
  }

  /** A session for one case, holding no fact, its events going to {@code recorder}. */
  Lease take(TraceRecorder recorder) {
    Lease lease = ready.pollFirst();
    if (lease == null) {
      lease = new Lease(base.newKieSession());
    } else {
      waiting.decrementAndGet();
    }
    lease.relay.to = recorder;
    return lease;
  }

  /**
   * Gives a session back after its case: emptied for the next one when the case ended normally
   * ({@code clean}), disposed otherwise or when enough are waiting.
   */
  void give(Lease lease, boolean clean) {
    lease.relay.to = null;
    if (!clean || !reusable || closed || !empty(lease.session)) {
      lease.session.dispose();
      return;
    }
    if (waiting.incrementAndGet() > idle) {
      waiting.decrementAndGet();
      lease.session.dispose();
      return;
    }
    ready.offerFirst(lease);
    if (closed) {
      close();
    }
  }

  /** Disposes the waiting sessions; those in use are disposed when given back. */
  public void close() {
    closed = true;
    for (Lease lease; (lease = ready.pollFirst()) != null; ) {
      waiting.decrementAndGet();
      lease.session.dispose();
    }
  }

  /**
   * Deletes every fact; false if any stayed. Drools carries the deletions through the network at
   * the next case's {@code fireAllRules}, before that case's insertions at every node (doing it
   * here, in a call of its own, measured 10 % slower a case).
   */
  private static boolean empty(KieSession session) {
    try {
      for (FactHandle handle : new ArrayList<FactHandle>(session.<FactHandle>getFactHandles())) {
        session.delete(handle);
      }
      return session.getFactCount() == 0;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean reusable(KieBase base) {
    try {
      ObjectTypeNode initial =
          ((InternalRuleBase) base)
              .getRete()
              .getObjectTypeNodes(EntryPointId.DEFAULT)
              .get(ClassObjectType.InitialFact_ObjectType);
      return initial == null || initial.getObjectSinkPropagator().size() == 0;
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** One session, with the listener that relays its events to the current case's recorder. */
  static final class Lease {
    final KieSession session;
    final Relay relay = new Relay();

    private Lease(KieSession session) {
      this.session = session;
      session.addEventListener((AgendaEventListener) relay);
      session.addEventListener((RuleRuntimeEventListener) relay);
    }
  }

  /** Forwards a session's events to the recorder of the case it is deciding, none in between. */
  static final class Relay extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
    /** Set and cleared by the thread holding the session (handed over through the pool). */
    private TraceRecorder to;

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
      TraceRecorder r = to;
      if (r != null) {
        r.beforeMatchFired(event);
      }
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
      TraceRecorder r = to;
      if (r != null) {
        r.afterMatchFired(event);
      }
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
      TraceRecorder r = to;
      if (r != null) {
        r.objectInserted(event);
      }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
      TraceRecorder r = to;
      if (r != null) {
        r.objectUpdated(event);
      }
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
      TraceRecorder r = to;
      if (r != null) {
        r.objectDeleted(event);
      }
    }
  }
}
