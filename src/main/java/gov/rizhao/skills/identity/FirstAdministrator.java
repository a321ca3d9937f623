package gov.rizhao.skills.identity;

import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.common.OwnerOnlyFiles;
import gov.rizhao.skills.config.SkillsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * On a first start with the service's own issuer and no account, creates the administrator: with
 * the password in {@code SKILLS_ADMIN_PASSWORD}, or a generated one written to {@code
 * admin-password.txt} in the data directory (readable by its owner only) and printed once in the
 * log.
 */
@ApplicationScoped
public class FirstAdministrator {
  private static final Logger LOG = Logger.getLogger(FirstAdministrator.class);
  static final String PASSWORD_FILE = "admin-password.txt";

  private final TokenMode mode;
  private final AccountService accounts;
  private final SkillsConfig config;

  public FirstAdministrator(TokenMode mode, AccountService accounts, SkillsConfig config) {
    this.mode = mode;
    this.accounts = accounts;
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    if (!mode.embedded() || !accounts.none()) {
      return;
    }
    String name = config.auth().adminUsername();
    Optional<String> given = config.auth().adminPassword().filter(p -> !p.isBlank());
    AccountService.Created created;
    try {
      created = accounts.create(Account.Kind.USER, name, Set.of(Roles.ADMIN), given);
    } catch (RuntimeException e) {
      if (!accounts.none()) {
        LOG.debugf("Another instance created the first administrator: %s", e.toString());
        return;
      }
      throw e;
    }
    if (given.isPresent()) {
      LOG.infof("Created the administrator %s with the password in SKILLS_ADMIN_PASSWORD", name);
      return;
    }
    Path file = config.dataDir().resolve(PASSWORD_FILE);
    try {
      OwnerOnlyFiles.write(file, created.secret() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LOG.warnf(
        "Created the administrator %s with the generated password %s (also in %s, readable by its owner only)."
            + " Shown once: change it by creating your own administrators and revoking this one.",
        name, created.secret(), file.toAbsolutePath());
  }
}
