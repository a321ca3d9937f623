package gov.rizhao.skills.console;

import gov.rizhao.skills.identity.TokenMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The console's session: the access token the service issued at login, kept in a cookie the browser
 * sends only to {@code /console} on this site (HttpOnly, SameSite=Strict, expiring with the token).
 * For a console request the cookie becomes the request's bearer token, checked by quarkus-oidc
 * exactly as an API token is. A state change must come from a page of this origin (Origin or
 * Referer checked, OWASP's defence against cross-site requests, with SameSite as the first). A
 * request whose session is missing or expired is sent to the login page.
 */
@ApplicationScoped
public class ConsoleCookie {
  private static final Logger LOG = Logger.getLogger(ConsoleCookie.class);
  static final String NAME = "skills_console";
  static final String ROOT = "/console";
  static final String LOGIN = ROOT + "/login";

  void routes(@Observes StartupEvent start, Router router, TokenMode mode) {
    boolean embedded = mode.embedded();
    // Forms lead to this site only, or (signing out) to the provider's.
    String formAction =
        "'self'" + mode.provider().map(ConsoleCookie::origin).map(o -> " " + o).orElse("");
    // Before the security handlers: the cookie is the credential they check.
    router
        .route(ROOT + "*")
        .order(RouteConstants.ROUTE_ORDER_BODY_HANDLER + 1)
        .handler(rc -> filter(rc, embedded, formAction));
  }

  /**
   * @param embedded true when the service issues the tokens (the session is this cookie); with a
   *     provider, its code flow keeps the session and sends people to its login page itself
   */
  private static void filter(RoutingContext rc, boolean embedded, String formAction) {
    String path = rc.normalizedPath();
    if (path.startsWith(ROOT + "/static/")) {
      rc.next();
      return;
    }
    if (rc.request().method() != HttpMethod.GET
        && rc.request().method() != HttpMethod.HEAD
        && !sameOrigin(rc)) {
      LOG.infof(
          "Console %s %s refused: Origin %s, Referer %s, Host %s",
          rc.request().method(),
          path,
          rc.request().getHeader(HttpHeaders.ORIGIN),
          rc.request().getHeader(HttpHeaders.REFERER),
          rc.request().getHeader(HttpHeaders.HOST));
      rc.response()
          .setStatusCode(403)
          .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
          .end("跨站请求被拒绝（the request did not come from a page of this site）");
      return;
    }
    Cookie session = embedded ? rc.request().getCookie(NAME) : null;
    if (session != null && rc.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
      rc.request().headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + session.getValue());
    }
    boolean login = path.equals(LOGIN);
    rc.addHeadersEndHandler(
        v -> {
          int status = rc.response().getStatusCode();
          if (embedded && !login && (status == 401 || (status == 403 && session == null))) {
            rc.response().setStatusCode(303);
            rc.response().headers().remove(HttpHeaders.CONTENT_LENGTH);
            rc.response()
                .putHeader(HttpHeaders.LOCATION, LOGIN + (session == null ? "" : "?expired"));
            if (session != null) {
              rc.response().addCookie(ended(rc.request().isSSL()));
            }
          }
          rc.response().putHeader("Cache-Control", "no-store");
          // Same-origin pages send their origin with a form (the check above); others get nothing.
          rc.response().putHeader("Referrer-Policy", "same-origin");
          rc.response().putHeader("X-Frame-Options", "DENY");
          rc.response().putHeader("X-Content-Type-Options", "nosniff");
          rc.response()
              .putHeader(
                  "Content-Security-Policy",
                  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                      + " script-src 'self'; connect-src 'self'; frame-ancestors 'none';"
                      + " form-action "
                      + formAction
                      + "; base-uri 'none'");
        });
    rc.next();
  }

  /** The session cookie holding {@code token}, for as long as the token lives. */
  static Cookie session(String token, Duration lifespan, boolean secure) {
    return Cookie.cookie(NAME, token)
        .setPath(ROOT)
        .setHttpOnly(true)
        .setSecure(secure)
        .setSameSite(CookieSameSite.STRICT)
        .setMaxAge(lifespan.toSeconds());
  }

  /** The cookie that ends the session. */
  static Cookie ended(boolean secure) {
    return Cookie.cookie(NAME, "")
        .setPath(ROOT)
        .setHttpOnly(true)
        .setSecure(secure)
        .setSameSite(CookieSameSite.STRICT)
        .setMaxAge(0);
  }

  /** The origin (scheme, host and port) of a URL. */
  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  /** True when the request names this origin in Origin, or failing that in Referer. */
  private static boolean sameOrigin(RoutingContext rc) {
    String source = rc.request().getHeader(HttpHeaders.ORIGIN);
    if (source == null || source.equals("null")) {
      source = rc.request().getHeader(HttpHeaders.REFERER);
    }
    if (source == null) {
      return false;
    }
    try {
      URI uri = URI.create(source);
      String host = rc.request().getHeader(HttpHeaders.HOST);
      return host != null
          && host.equalsIgnoreCase(uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
