package gov.rizhao.skills.support;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.restassured.RestAssured;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens for the tests, got as a calling system or person gets them from the service's own
 * issuer: the administrator (its password is set for the test profile) creates a client with the
 * roles asked for, and the client asks for a token. Tokens are kept for the run: they outlive a
 * restart of the application (the signing key stays).
 */
public final class Tokens {
  /** The administrator's password in the test profile. */
  public static final String ADMIN_PASSWORD = "test-admin-password";

  private static final Map<String, String> KNOWN = new ConcurrentHashMap<>();
  private static final Map<String, String> ADMINS = new ConcurrentHashMap<>();

  private Tokens() {}

  /** A token of a calling system named after its roles, e.g. {@code test-analyst-approver}. */
  public static String withRoles(String... roles) {
    Set<String> sorted = new TreeSet<>(Set.of(roles));
    String name = "test-" + String.join("-", sorted);
    return KNOWN.computeIfAbsent(name + "@" + RestAssured.port, k -> client(name, sorted));
  }

  /** A token of a calling system with every business role (not admin). */
  public static String everything() {
    return withRoles("caller", "analyst", "approver", "auditor");
  }

  /** A token of a calling system with its own name: cases it submits are its own. */
  public static String caller(String name) {
    return KNOWN.computeIfAbsent(
        name + "@" + RestAssured.port, k -> client(name, Set.of("caller")));
  }

  public static String admin() {
    // A map of its own: client tokens are made inside KNOWN's computeIfAbsent, with this one.
    return ADMINS.computeIfAbsent(
        "admin@" + RestAssured.port, k -> password("admin", ADMIN_PASSWORD));
  }

  /** A person's token from the password grant. */
  public static String password(String username, String password) {
    return RestAssured.given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("grant_type", "password")
        .formParam("username", username)
        .formParam("password", password)
        .when()
        .post("/oauth/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  private static String client(String name, Set<String> roles) {
    // The data directory outlives a test application: a client made by an earlier one gets a new
    // secret.
    var created =
        RestAssured.given()
            .auth()
            .oauth2(admin())
            .contentType("application/json")
            .body(Map.of("clientId", name, "roles", roles))
            .when()
            .post("/api/v1/admin/clients")
            .then()
            .statusCode(anyOf(is(201), is(409)))
            .extract();
    String secret =
        created.statusCode() == 201
            ? created.path("clientSecret")
            : RestAssured.given()
                .auth()
                .oauth2(admin())
                .contentType("application/json")
                .when()
                .post("/api/v1/admin/clients/" + name + "/secret")
                .then()
                .statusCode(200)
                .extract()
                .path("clientSecret");
    return clientCredentials(name, secret);
  }

  /** A calling system's token from the client credentials grant, its secret in the form. */
  public static String clientCredentials(String clientId, String secret) {
    return RestAssured.given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("grant_type", "client_credentials")
        .formParam("client_id", clientId)
        .formParam("client_secret", secret)
        .when()
        .post("/oauth/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }
}
