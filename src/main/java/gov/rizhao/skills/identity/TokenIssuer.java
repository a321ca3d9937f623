package gov.rizhao.skills.identity;

import gov.rizhao.skills.config.SkillsConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issues the service's own access tokens, shaped as an OpenID Connect provider's: {@code iss},
 * {@code aud}, {@code sub}, {@code azp}, {@code preferred_username} and the roles under {@code
 * realm_access.roles}.
 */
@Singleton
public class TokenIssuer {
  private final SigningKey key;
  private final SkillsConfig config;

  public TokenIssuer(SigningKey key, SkillsConfig config) {
    this.key = key;
    this.config = config;
  }

  /** A signed token for the principal (a person's account or a calling system's client id). */
  public String issue(String principal, String client, Set<String> roles) {
    return Jwt.issuer(config.auth().issuer())
        .subject(principal)
        .preferredUserName(principal)
        .audience(config.auth().audience())
        .claim("azp", client)
        .claim("realm_access", Map.of("roles", List.copyOf(roles)))
        .expiresIn(lifespanSeconds())
        .jws()
        .keyId(key.keyId())
        .algorithm(SignatureAlgorithm.RS256)
        .sign(key.privateKey());
  }

  public long lifespanSeconds() {
    return config.auth().tokenLifespan().toSeconds();
  }
}
