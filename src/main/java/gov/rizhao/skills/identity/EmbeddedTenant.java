package gov.rizhao.skills.identity;

import gov.rizhao.skills.config.SkillsConfig;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.quarkus.oidc.runtime.OidcTenantConfig.Roles.Source;
import io.quarkus.oidc.runtime.OidcTenantConfig.SignatureAlgorithm;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks the service's own tokens with quarkus-oidc when no provider is configured: a tenant built
 * in code from the signing key's public key, issuer, audience and role claim, checked locally with
 * no network. With a provider, the configured default tenant checks its tokens instead.
 */
@ApplicationScoped
public class EmbeddedTenant implements TenantConfigResolver {
  /** Where roles are in a token: as Keycloak puts them, in both modes. */
  public static final String ROLE_CLAIM_PATH = "realm_access/roles";

  private final TokenMode mode;
  private final SigningKey key;
  private final SkillsConfig config;
  private volatile OidcTenantConfig tenant;
  private volatile OidcTenantConfig console;

  public EmbeddedTenant(TokenMode mode, SigningKey key, SkillsConfig config) {
    this.mode = mode;
    this.key = key;
    this.config = config;
  }

  @Override
  public Uni<OidcTenantConfig> resolve(
      RoutingContext routingContext, OidcRequestContext<OidcTenantConfig> requestContext) {
    if (!mode.embedded()) {
      String path = routingContext.normalizedPath();
      boolean consolePage =
          (path.equals("/console") || path.startsWith("/console/"))
              && !path.startsWith("/console/static/");
      return consolePage && config.console().clientSecret().isPresent()
          ? Uni.createFrom().item(console())
          : Uni.createFrom().nullItem();
    }
    return Uni.createFrom().item(tenant());
  }

  /**
   * With a provider, the console's people sign in on the provider's own page (authorization code
   * flow) through the console's client; their roles are the realm roles of the access token, and
   * the session is the provider's tokens in quarkus-oidc's encrypted cookie, for {@code /console}.
   */
  private OidcTenantConfig console() {
    OidcTenantConfig known = console;
    if (known == null) {
      known =
          OidcTenantConfig.builder()
              .tenantId("console")
              .authServerUrl(mode.provider().orElseThrow())
              .clientId(config.console().clientId())
              .credentials(config.console().clientSecret().orElseThrow())
              .applicationType(ApplicationType.WEB_APP)
              .roles()
              .roleClaimPath(ROLE_CLAIM_PATH)
              .source(Source.accesstoken)
              .end()
              .authentication()
              .cookiePath("/console")
              .restorePathAfterRedirect(true)
              .end()
              .logout()
              .path("/console/logout")
              .postLogoutPath("/console/login")
              .end()
              .build();
      console = known;
    }
    return known;
  }

  /**
   * One instance, always the same: quarkus-oidc rebuilds a tenant whose configuration object
   * changed.
   */
  private OidcTenantConfig tenant() {
    OidcTenantConfig known = tenant;
    if (known == null) {
      known =
          OidcTenantConfig.builder()
              .tenantId("embedded")
              .applicationType(ApplicationType.SERVICE)
              .publicKey(key.publicKeyPem())
              .token()
              .issuer(config.auth().issuer())
              .audience(config.auth().audience())
              .signatureAlgorithm(SignatureAlgorithm.RS256)
              .end()
              .roles()
              .roleClaimPath(ROLE_CLAIM_PATH)
              .end()
              .build();
      tenant = known;
    }
    return known;
  }
}
