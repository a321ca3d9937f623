package gov.rizhao.skills.identity;

import static gov.rizhao.skills.support.Contract.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import gov.rizhao.skills.support.Ledger;
import gov.rizhao.skills.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service as deployed at the edge: over TLS with its own certificate, behind a reverse proxy
 * whose forwarded headers it trusts only from the proxy's address, and with a CORS allow-list for a
 * console on another origin. All by configuration, as README's "TLS and reverse proxies" says.
 */
@QuarkusTest
@TestProfile(EdgeTest.Edge.class)
class EdgeTest {
  static final String CONSOLE = "https://console.example";

  /** TLS with a self-signed certificate made here, forwarded headers from 127.0.0.1, CORS. */
  public static class Edge implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Path keystore = keystore();
      return Map.ofEntries(
          Map.entry("quarkus.http.ssl.certificate.key-store-file", keystore.toString()),
          Map.entry("quarkus.http.ssl.certificate.key-store-password", "changeit"),
          Map.entry("quarkus.http.test-ssl-port", "0"),
          Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
          Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"),
          Map.entry("quarkus.http.proxy.enable-forwarded-host", "true"),
          Map.entry("quarkus.http.proxy.trusted-proxies", "127.0.0.1"),
          Map.entry("quarkus.http.cors.enabled", "true"),
          Map.entry("quarkus.http.cors.origins", CONSOLE));
    }

    private static Path keystore() {
      try {
        Path dir = Files.createDirectories(Path.of("target", "edge-test"));
        Path file = dir.resolve("server.p12");
        Files.deleteIfExists(file);
        Process keytool =
            new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair",
                    "-alias",
                    "server",
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "2048",
                    "-validity",
                    "2",
                    "-dname",
                    "CN=localhost",
                    "-ext",
                    "SAN=dns:localhost,ip:127.0.0.1",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    file.toString(),
                    "-storepass",
                    "changeit")
                .redirectErrorStream(true)
                .start();
        if (keytool.waitFor() != 0) {
          throw new IllegalStateException(new String(keytool.getInputStream().readAllBytes()));
        }
        return file;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  @TestHTTPResource(value = "/", tls = true)
  URL https;

  @Test
  void answersOverTlsWithItsCertificate() {
    assertThat(https.getProtocol()).isEqualTo("https");
    RestAssured.given()
        .relaxedHTTPSValidation()
        .baseUri("https://localhost")
        .port(https.getPort())
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200);
    RestAssured.given()
        .relaxedHTTPSValidation()
        .baseUri("https://localhost")
        .port(https.getPort())
        .auth()
        .oauth2(Tokens.withRoles("caller"))
        .contentType("application/json")
        .body(
            """
            {"caseId":"TLS-1","applicationDate":"2020-03-01",
             "person":{"id":"P-TLS","qualification":"SENIOR_WORKER","frontline":true}}""")
        .when()
        .post("/api/v1/evaluations")
        .then()
        .statusCode(200);
  }

  @Test
  void behindTheProxyTheAuditHasTheClientsAddressAndLocationsStayPaths() {
    String system = Ledger.unique("proxied-system");
    String caseId = Ledger.unique("PROXIED");
    api(Tokens.caller(system))
        .header("X-Forwarded-For", "203.0.113.7")
        .header("X-Forwarded-Proto", "https")
        .header("X-Forwarded-Host", "skills.example.gov.cn")
        .body(Ledger.hire(caseId, Ledger.unique("ORG"), Ledger.unique("T"), 2031, "100000"))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201)
        .header("Location", startsWith("/api/v1/cases/"));
    api(Tokens.withRoles("auditor"))
        .when()
        .get("/api/v1/audit?actor=" + system + "&action=CASE_SUBMITTED")
        .then()
        .statusCode(200)
        .body("entries[0].source", equalTo("203.0.113.7"));
  }

  @Test
  void aConsoleOnAnAllowedOriginMayCallAndOthersAreNotAllowed() {
    RestAssured.given()
        .header("Origin", CONSOLE)
        .header("Access-Control-Request-Method", "POST")
        .when()
        .options("/api/v1/evaluations")
        .then()
        .header("Access-Control-Allow-Origin", CONSOLE);
    RestAssured.given()
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "POST")
        .when()
        .options("/api/v1/evaluations")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
  }
}
