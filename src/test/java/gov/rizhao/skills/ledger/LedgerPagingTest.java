package gov.rizhao.skills.ledger;

import static gov.rizhao.skills.support.Contract.api;
import static org.assertj.core.api.Assertions.assertThat;

import gov.rizhao.skills.support.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ledger answers a page of pools however many match: more pools than PostgreSQL takes
 * parameters in one statement (65,535) gave 500 when they were passed as a list. Runs on H2 and
 * PostgreSQL.
 */
@QuarkusTest
@Tag("persistence")
class LedgerPagingTest {
  /** More pools than one statement may have parameters on PostgreSQL. */
  private static final int POOLS = 70_000;

  @Inject DataSource dataSource;

  @Test
  void aFilterMatchingMorePoolsThanAStatementTakesParametersIsAnsweredAPageAtATime()
      throws Exception {
    int year = 2400 + ThreadLocalRandom.current().nextInt(200);
    String organization = Ledger.unique("ORG-PAGES");
    String caseId = Ledger.unique("PAGES");
    api()
        .body(Ledger.hire(caseId, organization, Ledger.unique("T"), year, "100000"))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201);
    String prefix = "PAGES|" + caseId + "|";
    addClaims(caseId, prefix);

    JsonPath first = ledgerPage(organization, 0, 1000);
    assertThat(first.getLong("poolCount")).isGreaterThan(POOLS);
    assertThat(first.getInt("page")).isZero();
    List<String> scopes = first.getList("pools.scope");
    assertThat(scopes).hasSize(1000).isSorted();

    JsonPath last = ledgerPage(organization, POOLS / 1000, 1000);
    List<String> tail = last.getList("pools.scope");
    assertThat(tail).hasSize((int) (first.getLong("poolCount") - (POOLS / 1000) * 1000L));
    assertThat(tail.get(0)).isGreaterThan(scopes.get(scopes.size() - 1));

    JsonPath defaults =
        api()
            .when()
            .get("/api/v1/ledger?organization=" + organization)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(defaults.getList("pools")).hasSize(defaults.getInt("size"));
  }

  private static JsonPath ledgerPage(String organization, int page, int size) {
    return api()
        .when()
        .get("/api/v1/ledger?organization=" + organization + "&page=" + page + "&size=" + size)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Claims of the case's grant on many pools, written straight into the tables. */
  private void addClaims(String caseId, String prefix) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      long grant;
      try (PreparedStatement find =
          c.prepareStatement("SELECT id FROM grant_record WHERE case_id = ?")) {
        find.setString(1, caseId);
        var rows = find.executeQuery();
        assertThat(rows.next()).as("the case's grant").isTrue();
        grant = rows.getLong(1);
      }
      try (PreparedStatement claim =
              c.prepareStatement(
                  "INSERT INTO grant_claim (grant_id, scope, unit, quantity) VALUES (?, ?, 'COUNT', 1)");
          PreparedStatement pool =
              c.prepareStatement(
                  "INSERT INTO pool_total (scope, unit, used, pool_limit, updated_at)"
                      + " VALUES (?, 'COUNT', 1, 10, ?)")) {
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < POOLS; i++) {
          String scope = prefix + String.format("%06d", i);
          claim.setLong(1, grant);
          claim.setString(2, scope);
          claim.addBatch();
          pool.setString(1, scope);
          pool.setTimestamp(2, now);
          pool.addBatch();
          if (i % 5000 == 4999) {
            claim.executeBatch();
            pool.executeBatch();
          }
        }
        claim.executeBatch();
        pool.executeBatch();
      }
      c.commit();
    }
  }
}
