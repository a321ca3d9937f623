package gov.rizhao.skills.identity;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who issues the tokens the service accepts: an OpenID Connect provider when {@code
 * quarkus.oidc.auth-server-url} is set (at run time), else the service itself. Both kinds are
 * checked by quarkus-oidc, the same way.
 */
@Singleton
public class TokenMode {
  private final Optional<String> provider;

  public TokenMode(
      @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> provider) {
    this.provider = provider.filter(url -> !url.isBlank());
  }

  /** True when the service issues its own tokens ({@code POST /oauth/token}). */
  public boolean embedded() {
    return provider.isEmpty();
  }

  public Optional<String> provider() {
    return provider;
  }
}
