package gov.rizhao.skills.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Appends to the audit log, in the caller's transaction: an entry exists exactly when the change it
 * records was committed. The actor and source are taken from the request being served ({@code
 * system} outside one).
 */
@ApplicationScoped
public class AuditLog {
  /** How an audited action ended. */
  public enum Outcome {
    SUCCESS,
    FAILED,
    REFUSED
  }

  private final Instance<SecurityIdentity> identity;
  private final Instance<CurrentVertxRequest> request;
  private final ObjectMapper json;

  public AuditLog(
      Instance<SecurityIdentity> identity,
      Instance<CurrentVertxRequest> request,
      ObjectMapper json) {
    this.identity = identity;
    this.request = request;
    this.json = json;
  }

  /**
   * Records a change made by whoever makes the current request. Must run in the change's
   * transaction.
   */
  public void record(String action, String target, Outcome outcome, Map<String, ?> detail) {
    record(actor(), action, target, outcome, detail);
  }

  /**
   * Records a change made by {@code actor} (e.g. a failed login, whose actor is the name tried).
   */
  public void record(
      String actor, String action, String target, Outcome outcome, Map<String, ?> detail) {
    AuditEntry e = new AuditEntry();
    e.at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    e.actor = actor;
    e.action = action;
    e.target = target;
    e.outcome = outcome.name();
    e.source = source();
    e.detail = detail == null || detail.isEmpty() ? null : write(detail);
    e.entryHash = AuditChain.entryHash(e);
    e.persist();
  }

  /** The principal of the current request, or {@code system}. */
  public String actor() {
    try {
      SecurityIdentity who = identity.get();
      return who.isAnonymous() ? "anonymous" : who.getPrincipal().getName();
    } catch (ContextNotActiveException e) {
      return "system";
    }
  }

  private String source() {
    try {
      CurrentVertxRequest current = request.get();
      if (current.getCurrent() == null) {
        return null;
      }
      var address = current.getCurrent().request().remoteAddress();
      return address == null ? null : address.hostAddress();
    } catch (ContextNotActiveException e) {
      return null;
    }
  }

  private String write(Map<String, ?> detail) {
    try {
      String text = json.writeValueAsString(detail);
      return text.length() > 4000 ? text.substring(0, 3990) + "…" : text;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
