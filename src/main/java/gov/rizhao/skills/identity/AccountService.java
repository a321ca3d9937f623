package gov.rizhao.skills.identity;

import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.audit.AuditLog;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Accounts of the service's own issuer: created with a secret shown once, checked against its
 * bcrypt hash, listed and revoked. Every change and every failed login is in the audit log.
 */
@ApplicationScoped
public class AccountService {
  /** Checked when a name is unknown, so an unknown name costs as long as a wrong secret. */
  private static final String DUMMY_HASH = BcryptUtil.bcryptHash("not a secret of anyone");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final AuditLog audit;
  private final RevokedPrincipals revoked;

  public AccountService(AuditLog audit, RevokedPrincipals revoked) {
    this.audit = audit;
    this.revoked = revoked;
  }

  /** An account as listed: never its secret. */
  public record AccountView(
      String name,
      Account.Kind kind,
      Set<String> roles,
      boolean active,
      Instant createdAt,
      String createdBy,
      Instant revokedAt) {
    static AccountView of(Account a) {
      return new AccountView(
          a.name, a.kind, a.roleSet(), a.active, a.createdAt, a.createdBy, a.revokedAt);
    }
  }

  /** A new account and its secret, shown this once. */
  public record Created(AccountView account, String secret) {}

  /**
   * The roles of an active account whose secret matches; empty otherwise (and the failure is
   * audited, in a transaction of its own).
   */
  public Optional<Set<String>> authenticate(Account.Kind kind, String name, String secret) {
    Optional<Account> found =
        QuarkusTransaction.requiringNew()
            .call(
                () -> Optional.ofNullable(Account.<Account>findById(new Account.Key(kind, name))));
    boolean matches =
        BcryptUtil.matches(secret, found.map(a -> a.secretHash).orElse(DUMMY_HASH))
            && found.map(a -> a.active).orElse(false);
    if (!matches) {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  audit.record(
                      name,
                      "LOGIN_FAILED",
                      kind.name().toLowerCase() + ":" + name,
                      AuditLog.Outcome.FAILED,
                      Map.of("kind", kind.name())));
      return Optional.empty();
    }
    return found.map(Account::roleSet);
  }

  /** Creates an account; the secret is the one given or, when none is, a generated one. */
  public Created create(
      Account.Kind kind, String name, Set<String> roles, Optional<String> secret) {
    Set<String> unknown = new TreeSet<>(roles);
    unknown.removeAll(Roles.ALL);
    if (!unknown.isEmpty() || roles.isEmpty()) {
      throw AccountException.invalid(
          "roles must be some of "
              + new TreeSet<>(Roles.ALL)
              + (unknown.isEmpty() ? "" : "; unknown: " + unknown));
    }
    String plain = secret.orElseGet(AccountService::generated);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              if (Account.count("name", name) > 0) {
                throw AccountException.taken(name);
              }
              Account a = new Account();
              a.kind = kind;
              a.name = name;
              a.secretHash = BcryptUtil.bcryptHash(plain);
              a.roles = String.join(",", new TreeSet<>(roles));
              a.active = true;
              a.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
              a.createdBy = audit.actor();
              a.persist();
              audit.record(
                  kind + "_CREATED",
                  name,
                  AuditLog.Outcome.SUCCESS,
                  Map.of("roles", new TreeSet<>(roles)));
              return new Created(AccountView.of(a), secret.isPresent() ? null : plain);
            });
  }

  public List<AccountView> list(Account.Kind kind) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                Account.<Account>list("kind = ?1 order by name", kind).stream()
                    .map(AccountView::of)
                    .toList());
  }

  /** Revokes an account: its secret no longer gets tokens and the tokens it holds stop working. */
  public Optional<AccountView> revoke(Account.Kind kind, String name) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Account a = Account.findById(new Account.Key(kind, name));
              if (a == null) {
                return Optional.<AccountView>empty();
              }
              if (a.active) {
                a.active = false;
                a.revokedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                a.revokedBy = audit.actor();
                audit.record(kind + "_REVOKED", name, AuditLog.Outcome.SUCCESS, Map.of());
                revoked.add(name);
              }
              return Optional.of(AccountView.of(a));
            });
  }

  /**
   * A new secret for an account, the one given or a generated one (answered this once). Tokens
   * issued before keep working until they expire; revoke the account to stop them at once.
   */
  public Optional<Created> renew(Account.Kind kind, String name, Optional<String> secret) {
    String plain = secret.orElseGet(AccountService::generated);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Account a = Account.findById(new Account.Key(kind, name));
              if (a == null) {
                return Optional.<Created>empty();
              }
              if (!a.active) {
                throw AccountException.revoked(name);
              }
              a.secretHash = BcryptUtil.bcryptHash(plain);
              audit.record(kind + "_SECRET_RENEWED", name, AuditLog.Outcome.SUCCESS, Map.of());
              return Optional.of(new Created(AccountView.of(a), secret.isPresent() ? null : plain));
            });
  }

  /** True when no account exists yet (a first start). */
  public boolean none() {
    return QuarkusTransaction.requiringNew().call(() -> Account.count() == 0);
  }

  /** A random secret: 32 bytes, base64url. */
  static String generated() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
