package gov.rizhao.skills.console;

import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.engine.VersionHistory;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * What every console page shows around its content: who is signed in, the menu of what their roles
 * allow, and the ruleset version in force.
 */
@RequestScoped
public class ConsoleView {
  private final SecurityIdentity identity;
  private final VersionHistory history;

  /** A menu entry: its path, its Chinese label, and whether it is the page shown. */
  public record MenuItem(String path, String label, boolean current) {}

  /** The frame of one page. */
  public record Page(
      String title, String user, String roles, String activeVersion, List<MenuItem> menu) {
    /** The version in force as shown in the header: {@code sha256:} and its first 12 hex digits. */
    public String activeShort() {
      return activeVersion == null
          ? "（无）"
          : activeVersion.substring(0, Math.min(19, activeVersion.length()));
    }
  }

  public ConsoleView(SecurityIdentity identity, VersionHistory history) {
    this.identity = identity;
    this.history = history;
  }

  /** The frame for a page at {@code path}, titled {@code title}. */
  public Page page(String path, String title) {
    List<MenuItem> menu = new ArrayList<>();
    add(menu, path, "/console", "首页", true);
    add(menu, path, "/console/measures", "政策措施", true);
    add(menu, path, "/console/rulesets", "规则版本", any(Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR));
    add(menu, path, "/console/try", "评估试算", any(Roles.ANALYST, Roles.APPROVER));
    add(menu, path, "/console/cases", "案件", any(Roles.AUDITOR));
    add(menu, path, "/console/ledger", "台账", any(Roles.AUDITOR, Roles.ANALYST, Roles.APPROVER));
    add(menu, path, "/console/audit", "审计", any(Roles.AUDITOR));
    add(menu, path, "/console/accounts", "账号", any(Roles.ADMIN));
    return new Page(
        title,
        identity.getPrincipal().getName(),
        String.join("、", roleLabels()),
        history.activeVersion().orElse(null),
        menu);
  }

  /** True when the signed-in person has one of the roles. */
  public boolean any(String... roles) {
    for (String r : roles) {
      if (identity.hasRole(r)) {
        return true;
      }
    }
    return false;
  }

  public String user() {
    return identity.getPrincipal().getName();
  }

  private List<String> roleLabels() {
    List<String> labels = new ArrayList<>();
    if (identity.hasRole(Roles.ANALYST)) {
      labels.add("政策分析");
    }
    if (identity.hasRole(Roles.APPROVER)) {
      labels.add("审批");
    }
    if (identity.hasRole(Roles.AUDITOR)) {
      labels.add("审计");
    }
    if (identity.hasRole(Roles.ADMIN)) {
      labels.add("管理员");
    }
    return labels;
  }

  private static void add(
      List<MenuItem> menu, String current, String path, String label, boolean allowed) {
    if (allowed) {
      boolean here = path.equals("/console") ? current.equals(path) : current.startsWith(path);
      menu.add(new MenuItem(path, label, here));
    }
  }
}
