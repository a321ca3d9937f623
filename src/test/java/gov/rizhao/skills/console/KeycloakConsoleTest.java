package gov.rizhao.skills.console;

import static org.assertj.core.api.Assertions.assertThat;

import gov.rizhao.skills.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The console behind a real OpenID Connect provider (Keycloak, from {@code .ci/keycloak-up}):
 * people sign in on the provider's own login page (authorization code flow, the console's client),
 * come back to the console with the menu of their realm roles, and sign out of both. Run with
 * {@code -Dgroups=keycloak -Dkeycloak.url=<the realm's issuer>}.
 */
@QuarkusTest
@Tag("keycloak")
@TestProfile(KeycloakConsoleTest.Provider.class)
class KeycloakConsoleTest {
  static final String REALM =
      System.getProperty("keycloak.url", "http://127.0.0.1:18180/realms/skills");

  /** The port the realm's console client may redirect to (.ci/keycloak/skills-realm.json). */
  static final int PORT = 18301;

  /** The provider, the console's client and its CI-only secret, and a port the realm knows. */
  public static class Provider implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.oidc.auth-server-url",
          REALM,
          "skills.console.client-secret",
          "skills-console-secret",
          "quarkus.http.test-port",
          String.valueOf(PORT));
    }
  }

  @Test
  void peopleSignInOnTheProvidersPageAndSeeTheMenuOfTheirRealmRoles() {
    try (Browser b = Browser.open("http://localhost:" + PORT, 1280)) {
      b.go("/console/login");
      b.submit(By.id("sso"));
      // The provider's own login page.
      b.find(By.id("kc-login"));
      assertThat(b.driver().getCurrentUrl()).startsWith(REALM);
      b.find(By.id("username")).sendKeys("ana");
      b.find(By.id("password")).sendKeys("ana-password");
      b.submit(By.id("kc-login"));
      assertThat(b.driver().getCurrentUrl()).isEqualTo("http://localhost:" + PORT + "/console");
      List<String> menu =
          b.all(By.cssSelector("nav.menu a")).stream().map(e -> e.getText()).toList();
      assertThat(menu).contains("政策措施", "规则版本", "评估试算").doesNotContain("审计", "账号");
      b.go("/console/measures");
      b.find(By.cssSelector("section.measure"));
      b.assertCleanAndLocal();
      b.screenshot("keycloak-console");
      b.submit(By.cssSelector("form[action='/console/logout'] button"));
      b.go("/console");
      assertThat(b.driver().getCurrentUrl()).startsWith(REALM);
    }
  }
}
