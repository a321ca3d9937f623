package gov.rizhao.skills.identity;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Keeps the identity quarkus-oidc has just made of a bearer token that {@link
 * VerifiedTokenProvider} passed on to it: first of the augmentors, so what is kept is the verified
 * token's own identity, and every other augmentor (revocation among them) still runs on each
 * request.
 */
@ApplicationScoped
public class RememberVerifiedToken implements SecurityIdentityAugmentor {
  /**
   * A token bound to a key or certificate (RFC 9449, RFC 8705) is checked against each request:
   * never remembered.
   */
  private static final String BOUND_TO_A_KEY = "cnf";

  private final VerifiedTokens tokens;

  public RememberVerifiedToken(VerifiedTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public int priority() {
    return Integer.MAX_VALUE;
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    return Uni.createFrom().item(identity);
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity,
      AuthenticationRequestContext context,
      Map<String, Object> attributes) {
    Object bearer = attributes.get(VerifiedTokenProvider.BEARER);
    AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
    if (bearer instanceof String token
        && !identity.isAnonymous()
        && credential != null
        && token.equals(credential.getToken())
        && identity.getCredential(IdTokenCredential.class) == null
        && identity.getPrincipal() instanceof JsonWebToken jwt
        && !jwt.containsClaim(BOUND_TO_A_KEY)
        && !tokens.knows(token)) {
      tokens.remember(token, detached(identity), jwt.getExpirationTime());
    }
    return Uni.createFrom().item(identity);
  }

  /**
   * The identity without what belongs to the request that brought the token (quarkus-oidc keeps
   * that request's routing context in it, body included): principal, roles, credentials,
   * permissions and the token's own attributes (tenant, expiry).
   */
  private static SecurityIdentity detached(SecurityIdentity identity) {
    QuarkusSecurityIdentity.Builder copy =
        QuarkusSecurityIdentity.builder()
            .setPrincipal(identity.getPrincipal())
            .addRoles(identity.getRoles())
            .addCredentials(identity.getCredentials())
            .addPermissions(identity.getPermissions());
    identity
        .getAttributes()
        .forEach(
            (name, value) -> {
              if (!name.equals(RoutingContext.class.getName())) {
                copy.addAttribute(name, value);
              }
            });
    return copy.build();
  }
}
