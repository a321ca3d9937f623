package gov.rizhao.skills.identity;

import gov.rizhao.skills.config.SkillsConfig;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
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

  public EmbeddedTenant(TokenMode mode, SigningKey key, SkillsConfig config) {
    this.mode = mode;
    this.key = key;
    this.config = config;
  }

  @Override
  public Uni<OidcTenantConfig> resolve(
      RoutingContext routingContext, OidcRequestContext<OidcTenantConfig> requestContext) {
    if (!mode.embedded()) {
      return Uni.createFrom().nullItem();
    }
    return Uni.createFrom().item(tenant());
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
