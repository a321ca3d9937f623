package gov.rizhao.skills.identity;

import io.quarkus.oidc.AccessTokenCredential;
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
    SecurityIdentity known = tokens.find(bearer.getToken());
    if (known == null) {
      request.setAttribute(BEARER, bearer.getToken());
      return Uni.createFrom().nullItem();
    }
    RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
    QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(known);
    if (routing != null) {
      identity.addAttribute(RoutingContext.class.getName(), routing);
    }
    return Uni.createFrom().item(identity.build());
  }
}
