package gov.rizhao.skills.console;

import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.identity.Account;
import gov.rizhao.skills.identity.AccountResource;
import gov.rizhao.skills.identity.AccountService;
import gov.rizhao.skills.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 账号 (administrators): the people who may use the console and the API, a new person with their
 * roles (the generated password shown this once), and revoking a person. Calling systems' clients
 * stay with the API ({@code /api/v1/admin/clients}).
 */
@Path("/console/accounts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class ConsoleAccounts {
  private final ConsoleView view;
  private final AccountService accounts;

  public ConsoleAccounts(ConsoleView view, AccountService accounts) {
    this.view = view;
    this.accounts = accounts;
  }

  /** A password shown once: to whom it belongs. */
  public record Shown(String name, String password) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance accounts(
        ConsoleView.Page page,
        List<AccountService.AccountView> people,
        Shown created,
        String message,
        String error);
  }

  @GET
  public TemplateInstance list() {
    return render(null, null, null);
  }

  @POST
  public TemplateInstance create(
      @RestForm String username, @RestForm("role") List<String> roles, @RestForm String password) {
    String name = username == null ? "" : username.strip();
    if (!name.matches(AccountResource.NAME)) {
      return render(null, null, "用户名应为字母、数字和 . _ -，至多 100 个字符");
    }
    Set<String> chosen = new TreeSet<>(roles == null ? List.of() : roles);
    if (chosen.isEmpty() || !Roles.ALL.containsAll(chosen)) {
      return render(null, null, "请至少选择一个角色");
    }
    Optional<String> given =
        password == null || password.isEmpty() ? Optional.empty() : Optional.of(password);
    if (given.isPresent() && (given.get().length() < 12 || given.get().length() > 200)) {
      return render(null, null, "密码至少 12 个字符（留空则自动生成）");
    }
    try {
      AccountService.Created c = accounts.create(Account.Kind.USER, name, chosen, given);
      return render(c.secret() == null ? null : new Shown(name, c.secret()), "已创建账号 " + name, null);
    } catch (ProblemException e) {
      return render(null, null, e.getMessage());
    }
  }

  @POST
  @Path("/revoke")
  public TemplateInstance revoke(@RestForm String username) {
    String name = username == null ? "" : username.strip();
    if (name.equals(view.user())) {
      return render(null, null, "不能停用自己的账号");
    }
    return accounts
        .revoke(Account.Kind.USER, name)
        .map(a -> render(null, "已停用账号 " + name + "，其登录立即失效", null))
        .orElseGet(() -> render(null, null, "没有账号 " + name));
  }

  private TemplateInstance render(Shown created, String message, String error) {
    return Templates.accounts(
        view.page("/console/accounts", "账号"),
        accounts.list(Account.Kind.USER),
        created,
        message,
        error);
  }
}
