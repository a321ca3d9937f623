package gov.rizhao.skills.identity;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Asked before quarkus-oidc for a bearer token: answers with the identity already verified for
 * exactly this token ({@link VerifiedTokens}), bound to this request, or passes (null) so that
 * quarkus-oidc verifies it, marking the request so that {@link RememberVerifiedToken} keeps what it
 * makes. Tokens of the console's provider sign-in (code flow) carry an ID token and are never
 * answered here.
 */
@ApplicationScoped
public class VerifiedTokenProvider implements IdentityProvider<TokenAuthenticationRequest> {
  /** The request attribute naming the bearer token this provider passed on to quarkus-oidc. */
  static final String BEARER = VerifiedTokenProvider.class.getName() + ".bearer";

  /** Where quarkus-oidc puts the tenant it resolved, on the request and on the identity. */
  private static final String TENANT = OidcUtils.TENANT_ID_ATTRIBUTE;

  private final VerifiedTokens tokens;

  public VerifiedTokenProvider(VerifiedTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  /** Before quarkus-oidc's own provider (at the default, {@code SYSTEM_FIRST + 1}). */
  @Override
  public int priority() {
    return SYSTEM_FIRST + 100;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    if (!(request.getToken() instanceof AccessTokenCredential bearer)) {
      return Uni.createFrom().nullItem();
    }
    RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
    SecurityIdentity known = tokens.find(bearer.getToken());
    if (known == null || routing == null || !sameTenant(routing, known)) {
      request.setAttribute(BEARER, bearer.getToken());
      return Uni.createFrom().nullItem();
    }
    return Uni.createFrom()
        .item(
            QuarkusSecurityIdentity.builder(known)
                .addAttribute(RoutingContext.class.getName(), routing)
                .build());
  }

  /**
   * The tenant quarkus-oidc chose for this request is the one that verified the token: a token is
   * never answered for another tenant's issuer and audience.
   */
  private static boolean sameTenant(RoutingContext routing, SecurityIdentity known) {
    Object now = routing.get(TENANT);
    return now != null && now.equals(known.getAttribute(TENANT));
  }
}
