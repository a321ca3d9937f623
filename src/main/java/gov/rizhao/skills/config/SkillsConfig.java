package gov.rizhao.skills.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the decision service: {@code skills.*} in application.properties, where their
 * defaults are (one place), or SKILLS_* variables.
 */
@ConfigMapping(prefix = "skills")
public interface SkillsConfig {

  /**
   * Directory of the rule files (*.drl, *.drl.xlsx) compiled at start and on reload; tests/ below
   * it is skipped.
   */
  Path rulesDir();

  /**
   * Where compiled rulesets are kept, by the content of their files, so that a start or reload to
   * rules built before skips compiling them. Unset: always compile.
   */
  Optional<Path> rulesetCacheDir();

  /**
   * Largest request body accepted, in bytes; a larger one is answered 413 with a problem document.
   */
  long maxBodyBytes();

  /**
   * The longest a request body may take to arrive once its headers have: a slower one is answered
   * 408 and its connection closed, so slow clients cannot hold the service's threads.
   */
  @WithDefault("10S")
  Duration bodyReadTimeout();

  /**
   * Whether {@code POST /api/v1/rulesets/reload} may make a draft of the files in the rules
   * directory (for deployments that keep the rules in git); a draft still needs approval.
   */
  @WithDefault("true")
  boolean rulesFromDisk();

  /** Largest rule upload accepted (a workbook, a DRL file or a zip of several), in bytes. */
  @WithDefault("16777216")
  long maxUploadBytes();

  /** Most cases accepted in one batch request. */
  int maxBatchCases();

  /**
   * Where the service keeps what it generates: the signing key of its own token issuer, the first
   * administrator's password file. Files holding secrets are readable by the owner only.
   */
  Path dataDir();

  /**
   * How old the pools' totals a dry run (POST /api/v1/evaluations) counts may be: a grant made on
   * another instance in the last this long may not be counted yet. 0 reads the database every time.
   * Submissions always lock and read the database.
   */
  @WithDefault("1S")
  Duration dryRunStaleness();

  /** Tokens and accounts. */
  Auth auth();

  /** The console (管理台). */
  Console console();

  /** How people sign in to the console when an OpenID Connect provider issues the tokens. */
  interface Console {
    /** The provider's client for the console's sign-in (authorization code flow). */
    @WithDefault("skills-console")
    String clientId();

    /**
     * That client's secret ({@code SKILLS_CONSOLE_CLIENT_SECRET}); unset: with a provider, the
     * console offers no sign-in (the API is unaffected).
     */
    Optional<String> clientSecret();
  }

  /** How tokens are issued and checked. */
  interface Auth {
    /**
     * The issuer ({@code iss}) of the tokens the service issues itself, when no OpenID Connect
     * provider is configured ({@code quarkus.oidc.auth-server-url}).
     */
    String issuer();

    /**
     * The audience ({@code aud}) every token must carry, from the service's own issuer or the
     * provider's.
     */
    String audience();

    /** How long a token the service issues is valid. */
    Duration tokenLifespan();

    /** The first administrator's account name, created on first start when there is no account. */
    String adminUsername();

    /**
     * The first administrator's password ({@code SKILLS_ADMIN_PASSWORD}); unset: one is generated,
     * written to {@code admin-password.txt} in the data directory (owner only) and printed once in
     * the log.
     */
    Optional<String> adminPassword();

    /**
     * How many verified bearer tokens are remembered, so that a caller's token has its signature,
     * issuer, audience and expiry checked once rather than on every request; 0: every request is
     * checked in full. Revocation is checked on every request either way.
     */
    @WithDefault("1000")
    int verifiedTokens();

    /**
     * How long a verified token is remembered at most (never past its own expiry, never more than
     * an hour): how much longer than quarkus-oidc alone a token signed with a key the provider has
     * withdrawn may be accepted.
     */
    @WithDefault("60S")
    Duration verifiedTokenTtl();
  }
}
