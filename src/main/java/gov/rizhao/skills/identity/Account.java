package gov.rizhao.skills.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person (user) or a calling system (client) who may get tokens from the service's own issuer.
 * The secret is kept as a bcrypt hash only; a revoked account is kept, marked, so the audit log's
 * names stay meaningful.
 */
@Entity
@Table(name = "account")
@IdClass(Account.Key.class)
public class Account extends PanacheEntityBase {
  /** People log in with a password; systems with a client secret. */
  public enum Kind {
    USER,
    CLIENT
  }

  /** The key: kind and name. */
  public record Key(Kind kind, String name) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id
  @Enumerated(EnumType.STRING)
  public Kind kind;

  @Id public String name;

  @Column(name = "secret_hash")
  public String secretHash;

  /** The roles, comma separated. */
  public String roles;

  public boolean active;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "revoked_at")
  public Instant revokedAt;

  @Column(name = "revoked_by")
  public String revokedBy;

  public Set<String> roleSet() {
    return new TreeSet<>(Arrays.asList(roles.split(",")));
  }
}
