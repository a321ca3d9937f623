package gov.rizhao.skills.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Makes revocation immediate: a token of a revoked account of the service's own issuer is refused
 * (401) although it has not expired. The names are read from the database every few seconds (other
 * instances revoke too) and added at once when this instance revokes.
 */
@ApplicationScoped
public class RevokedPrincipals implements SecurityIdentityAugmentor {
  private static final Logger LOG = Logger.getLogger(RevokedPrincipals.class);

  private final TokenMode mode;
  private final Set<String> names = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService timer;

  public RevokedPrincipals(TokenMode mode) {
    this.mode = mode;
  }

  void onStart(@Observes StartupEvent event) {
    if (!mode.embedded()) {
      return;
    }
    refresh();
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "revoked-principals");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(this::refresh, 5, 5, TimeUnit.SECONDS);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  void add(String name) {
    names.add(name);
  }

  private void refresh() {
    try {
      Set<String> now =
          Set.copyOf(
              QuarkusTransaction.requiringNew()
                  .call(
                      () ->
                          Account.<Account>list("active", false).stream()
                              .map(a -> a.name)
                              .toList()));
      names.addAll(now);
      names.retainAll(now);
    } catch (RuntimeException e) {
      LOG.debugf("Revoked accounts not refreshed: %s", e.toString());
    }
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (!identity.isAnonymous()
        && mode.embedded()
        && names.contains(identity.getPrincipal().getName())) {
      return Uni.createFrom().failure(new AuthenticationFailedException("the account is revoked"));
    }
    return Uni.createFrom().item(identity);
  }
}
