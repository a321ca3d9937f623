package gov.rizhao.skills.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the audit log: entries filtered by actor, action, target and time, newest first. */
@ApplicationScoped
public class AuditQuery {
  /** What to look for; a null or blank field does not filter. */
  public record Filter(String actor, String action, String target, Instant from, Instant to) {}

  /** A page of entries. */
  public record AuditPage(int page, int size, long total, List<AuditView> entries) {}

  /** An entry as auditors read it. */
  public record AuditView(
      long id,
      Instant at,
      String actor,
      String action,
      String target,
      String outcome,
      String source,
      String detail,
      boolean sealed) {
    static AuditView of(AuditEntry e) {
      return new AuditView(
          e.id,
          e.at,
          e.actor,
          e.action,
          e.target,
          e.outcome,
          e.source,
          e.detail,
          e.chainHash != null);
    }
  }

  public AuditPage page(Filter filter, int page, int size) {
    StringBuilder where = new StringBuilder("1 = 1");
    Map<String, Object> params = new HashMap<>();
    equal(where, params, "actor", filter.actor());
    equal(where, params, "action", filter.action());
    equal(where, params, "target", filter.target());
    if (filter.from() != null) {
      where.append(" and at >= :from");
      params.put("from", filter.from());
    }
    if (filter.to() != null) {
      where.append(" and at < :to");
      params.put("to", filter.to());
    }
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var query =
                  AuditEntry.<AuditEntry>find(where.toString(), Sort.descending("id"), params);
              List<AuditView> entries =
                  query.page(Page.of(page, size)).list().stream().map(AuditView::of).toList();
              return new AuditPage(page, size, query.count(), entries);
            });
  }

  private static void equal(
      StringBuilder where, Map<String, Object> params, String field, String value) {
    if (value != null && !value.isBlank()) {
      where.append(" and ").append(field).append(" = :").append(field);
      params.put(field, value);
    }
  }
}
