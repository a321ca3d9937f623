package gov.rizhao.skills.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/** Test data for the persistence suites: ids no other test uses, and a clean ledger. */
public final class Ledger {
  private Ledger() {}

  /** An id unique to this run, e.g. for a case, an organisation or a person. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Empties the case and ledger tables (the PostgreSQL test database outlives a run). */
  public static void clear(EntityManager em) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (String table :
                  new String[] {
                    "grant_claim", "grant_record", "case_record", "pool_total", "ruleset_file"
                  }) {
                em.createNativeQuery("DELETE FROM " + table).executeUpdate();
              }
            });
  }

  public static String hire(
      String caseId, String organization, String talent, int year, String salary) {
    return """
        {"caseId":"%s","applicationDate":"%d-03-01",
         "organization":{"id":"%s","kind":"ENTERPRISE","size":"LARGE","inRizhao":true},
         "hires":[{"talentId":"%s","title":"QILU_CHIEF_TECHNICIAN","fullTime":true,"fromOutsideCity":true,
                   "annualSalary":%s,"recognized":true}]}"""
        .formatted(caseId, year, organization, talent, salary);
  }

  public static String chiefTechnician(String caseId, String person, int year) {
    return """
        {"caseId":"%s","applicationDate":"%d-06-15",
         "person":{"id":"%s","qualification":"TECHNICIAN","frontline":true,"role":"WORKER"},
         "organization":{"id":"ORG-%s","kind":"ENTERPRISE","size":"LARGE","inRizhao":true},
         "nominations":[{"honor":"CHIEF_TECHNICIAN","year":%d}]}"""
        .formatted(caseId, year, person, person, year);
  }
}
