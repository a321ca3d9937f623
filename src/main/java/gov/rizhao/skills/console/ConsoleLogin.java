package gov.rizhao.skills.console;

import gov.rizhao.skills.identity.Account;
import gov.rizhao.skills.identity.AccountService;
import gov.rizhao.skills.identity.TokenIssuer;
import gov.rizhao.skills.identity.TokenMode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Signing in to the console with a local account (the service's own issuer): the account is checked
 * as for {@code POST /oauth/token} (a failed attempt is audited there), and the token it gets is
 * kept in the console's session cookie. Only people who read or change the rules have a console: a
 * calling system's roles are not enough.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleLogin {
  private static final Set<String> CONSOLE_ROLES =
      Set.of("analyst", "approver", "auditor", "admin");

  private final AccountService accounts;
  private final TokenIssuer issuer;
  private final TokenMode mode;

  public ConsoleLogin(AccountService accounts, TokenIssuer issuer, TokenMode mode) {
    this.accounts = accounts;
    this.issuer = issuer;
    this.mode = mode;
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance login(String error, boolean expired, boolean embedded);
  }

  @GET
  @Path("/login")
  @PermitAll
  public TemplateInstance form(@QueryParam("expired") String expired) {
    return Templates.login(null, expired != null, mode.embedded());
  }

  @POST
  @Path("/login")
  @PermitAll
  public Response login(@RestForm String username, @RestForm String password, RoutingContext rc) {
    if (!mode.embedded()) {
      return Response.ok(Templates.login("本部署使用统一身份认证，不能用本地账号登录", false, false)).build();
    }
    if (username == null
        || password == null
        || username.isBlank()
        || password.isEmpty()
        || username.length() > 200
        || password.length() > 200) {
      return Response.ok(Templates.login("请填写用户名和密码", false, true)).build();
    }
    Set<String> roles =
        accounts.authenticate(Account.Kind.USER, username.strip(), password).orElse(null);
    if (roles == null) {
      return Response.ok(Templates.login("用户名或密码错误", false, true)).build();
    }
    if (roles.stream().noneMatch(CONSOLE_ROLES::contains)) {
      return Response.ok(Templates.login("该账号没有使用管理台的角色（政策分析、审批、审计或管理员）", false, true)).build();
    }
    String token = issuer.issue(username.strip(), "skills-console", roles);
    rc.response()
        .addCookie(
            ConsoleCookie.session(
                token, Duration.ofSeconds(issuer.lifespanSeconds()), rc.request().isSSL()));
    return Response.seeOther(URI.create("/console")).build();
  }

  /**
   * Signing out: the session cookie ends. With a provider, quarkus-oidc answers this address itself
   * (it is the console tenant's logout path) and ends the provider's session too.
   */
  @POST
  @Path("/logout")
  @Authenticated
  public Response logout(RoutingContext rc) {
    rc.response().addCookie(ConsoleCookie.ended(rc.request().isSSL()));
    return Response.seeOther(URI.create(ConsoleCookie.LOGIN)).build();
  }
}
