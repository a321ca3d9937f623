package gov.rizhao.skills.identity;

import static gov.rizhao.skills.support.Contract.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import gov.rizhao.skills.support.Ledger;
import gov.rizhao.skills.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The service's own issuer: clients and people get tokens as RFC 6749 says, secrets are shown once,
 * revoking an account stops its tokens at once, and only tokens the service signed for itself and
 * that have not expired are accepted, whether verified now or remembered from an earlier request.
 */
@QuarkusTest
class TokenEndpointTest {
  @Inject VerifiedTokens verified;

  private static final String CASE =
      """
      {"caseId":"TOKEN-1","applicationDate":"2020-03-01",
       "person":{"id":"P-TOKEN","qualification":"SENIOR_WORKER","frontline":true,"role":"WORKER"}}""";

  private static Map<String, Object> createClient(String name, String... roles) {
    return api(Tokens.admin())
        .body(Map.of("clientId", name, "roles", List.of(roles)))
        .when()
        .post("/api/v1/admin/clients")
        .then()
        .statusCode(201)
        .header("Location", "/api/v1/admin/clients/" + name)
        .extract()
        .jsonPath()
        .getMap("");
  }

  private static int evaluate(String token) {
    return RestAssured.given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body(CASE)
        .when()
        .post("/api/v1/evaluations")
        .statusCode();
  }

  @Test
  void aClientGetsATokenWithItsSecretInTheFormOrByBasicAndTheSecretIsNeverListed() {
    String name = Ledger.unique("client");
    String secret = (String) createClient(name, "caller").get("clientSecret");
    String fromForm =
        RestAssured.given()
            .contentType("application/x-www-form-urlencoded")
            .formParam("grant_type", "client_credentials")
            .formParam("client_id", name)
            .formParam("client_secret", secret)
            .when()
            .post("/oauth/token")
            .then()
            .statusCode(200)
            .header("Cache-Control", "no-store")
            .body("token_type", equalTo("Bearer"))
            .body("expires_in", greaterThan(0))
            .extract()
            .path("access_token");
    assertThat(evaluate(fromForm)).isEqualTo(200);
    String fromBasic =
        RestAssured.given()
            .auth()
            .preemptive()
            .basic(name, secret)
            .contentType("application/x-www-form-urlencoded")
            .formParam("grant_type", "client_credentials")
            .when()
            .post("/oauth/token")
            .then()
            .statusCode(200)
            .extract()
            .path("access_token");
    assertThat(evaluate(fromBasic)).isEqualTo(200);

    String listed = api(Tokens.admin()).when().get("/api/v1/admin/clients").asString();
    assertThat(listed).contains(name).doesNotContain(secret);
  }

  @Test
  void wrongSecretsUnknownGrantsAndMissingFieldsAreRFC6749Errors() {
    RestAssured.given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("grant_type", "client_credentials")
        .formParam("client_id", "no-such-client")
        .formParam("client_secret", "x")
        .when()
        .post("/oauth/token")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", startsWith("Basic"))
        .body("error", equalTo("invalid_client"));
    RestAssured.given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("grant_type", "password")
        .formParam("username", "admin")
        .formParam("password", "wrong-password")
        .when()
        .post("/oauth/token")
        .then()
        .statusCode(400)
        .body("error", equalTo("invalid_grant"));
    RestAssured.given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("grant_type", "authorization_code")
        .when()
        .post("/oauth/token")
        .then()
        .statusCode(400)
        .body("error", equalTo("unsupported_grant_type"));
  }

  @Test
  void aPersonGetsATokenWithAPasswordAndAGeneratedPasswordIsShownOnce() {
    String name = Ledger.unique("analyst");
    String password =
        api(Tokens.admin())
            .body(Map.of("username", name, "roles", List.of("analyst")))
            .when()
            .post("/api/v1/admin/users")
            .then()
            .statusCode(201)
            .body("password", not(nullValue()))
            .extract()
            .path("password");
    String token = Tokens.password(name, password);
    api(token).when().get("/api/v1/rulesets/current").then().statusCode(200);
    api(token).body(CASE).when().post("/api/v1/cases").then().statusCode(403);
  }

  @Test
  void revokingAnAccountStopsItsTokensAtOnce() {
    String name = Ledger.unique("revoked");
    String secret = (String) createClient(name, "caller").get("clientSecret");
    String token = Tokens.clientCredentials(name, secret);
    assertThat(evaluate(token)).isEqualTo(200);
    assertThat(verified.knows(token)).as("remembered, so the revocation below meets it").isTrue();
    long hits = verified.hits();
    api(Tokens.admin())
        .when()
        .delete("/api/v1/admin/clients/" + name)
        .then()
        .statusCode(200)
        .body("active", equalTo(false));
    assertThat(evaluate(token)).isEqualTo(401);
    assertThat(verified.hits()).as("refused although answered from memory").isGreaterThan(hits);
    RestAssured.given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("grant_type", "client_credentials")
        .formParam("client_id", name)
        .formParam("client_secret", secret)
        .post("/oauth/token")
        .then()
        .statusCode(401);
  }

  @Test
  void aNameIsTakenOnceAndRolesMustBeKnown() {
    String name = Ledger.unique("taken");
    createClient(name, "caller");
    api(Tokens.admin())
        .body(Map.of("clientId", name, "roles", List.of("caller")))
        .when()
        .post("/api/v1/admin/clients")
        .then()
        .statusCode(409);
    RestAssured.given()
        .auth()
        .oauth2(Tokens.admin())
        .contentType("application/json")
        .body(Map.of("clientId", Ledger.unique("bad"), "roles", List.of("superuser")))
        .when()
        .post("/api/v1/admin/clients")
        .then()
        .statusCode(400);
  }

  private static PrivateKey signingKey() throws Exception {
    Path keyFile =
        Path.of(ConfigProvider.getConfig().getValue("skills.data-dir", String.class))
            .resolve("keys/token-signing-key.pem");
    assertThat(Files.getPosixFilePermissions(keyFile))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    return KeyUtils.decodePrivateKey(Files.readString(keyFile));
  }

  @Test
  void aRememberedTokenIsStillRefusedWhenAlteredOrExpired() throws Exception {
    long expiry = System.currentTimeMillis() / 1000 + 3;
    String token =
        Jwt.issuer(ConfigProvider.getConfig().getValue("skills.auth.issuer", String.class))
            .subject(Ledger.unique("short-lived"))
            .audience(ConfigProvider.getConfig().getValue("skills.auth.audience", String.class))
            .claim("realm_access", Map.of("roles", List.of("caller")))
            .expiresAt(expiry)
            .sign(signingKey());
    assertThat(evaluate(token)).isEqualTo(200);
    long hits = verified.hits();
    assertThat(evaluate(token)).isEqualTo(200);
    assertThat(verified.hits())
        .as("the second request is answered from memory")
        .isGreaterThan(hits);
    Object routing = verified.find(token).getAttribute(RoutingContext.class.getName());
    assertThat(routing).as("nothing of the request that brought it is kept").isNull();

    int signature = token.lastIndexOf('.') + 10;
    char c = token.charAt(signature);
    String altered =
        token.substring(0, signature) + (c == 'A' ? 'B' : 'A') + token.substring(signature + 1);
    assertThat(evaluate(altered)).as("one character of the signature changed").isEqualTo(401);

    Thread.sleep(Math.max(0, (expiry + 1) * 1000 - System.currentTimeMillis()));
    assertThat(evaluate(token)).as("past its expiry, although remembered").isEqualTo(401);
  }

  @Test
  void onlyUnexpiredTokensTheServiceSignedForItselfAreAccepted() throws Exception {
    PrivateKey key = signingKey();
    String issuer = ConfigProvider.getConfig().getValue("skills.auth.issuer", String.class);
    String audience = ConfigProvider.getConfig().getValue("skills.auth.audience", String.class);
    Map<String, Object> roles = Map.of("roles", List.of("caller"));

    String good =
        Jwt.issuer(issuer)
            .subject("forged")
            .audience(audience)
            .claim("realm_access", roles)
            .expiresIn(60)
            .sign(key);
    assertThat(evaluate(good)).as("a token signed with the key").isEqualTo(200);

    long past = System.currentTimeMillis() / 1000 - 3600;
    String expired =
        Jwt.issuer(issuer)
            .subject("forged")
            .audience(audience)
            .claim("realm_access", roles)
            .issuedAt(past - 60)
            .expiresAt(past)
            .sign(key);
    assertThat(evaluate(expired)).as("expired").isEqualTo(401);

    String otherAudience =
        Jwt.issuer(issuer)
            .subject("forged")
            .audience("another-service")
            .claim("realm_access", roles)
            .expiresIn(60)
            .sign(key);
    assertThat(evaluate(otherAudience)).as("another audience").isEqualTo(401);

    String otherIssuer =
        Jwt.issuer("urn:someone-else")
            .subject("forged")
            .audience(audience)
            .claim("realm_access", roles)
            .expiresIn(60)
            .sign(key);
    assertThat(evaluate(otherIssuer)).as("another issuer").isEqualTo(401);

    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String otherKey =
        Jwt.issuer(issuer)
            .subject("forged")
            .audience(audience)
            .claim("realm_access", roles)
            .expiresIn(60)
            .sign(generator.generateKeyPair().getPrivate());
    assertThat(evaluate(otherKey)).as("signed by another key").isEqualTo(401);
  }
}
