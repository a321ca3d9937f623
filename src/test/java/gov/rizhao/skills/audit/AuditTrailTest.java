package gov.rizhao.skills.audit;

import static gov.rizhao.skills.support.Contract.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import gov.rizhao.skills.support.Ledger;
import gov.rizhao.skills.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every change leaves an entry saying who, what, from where and how it ended; auditors page and
 * filter them; and an entry edited or deleted in the database is found by the check.
 */
@QuarkusTest
class AuditTrailTest {
  @Inject AuditSealer sealer;
  @Inject DataSource dataSource;

  private static JsonPath audit(String query) {
    return api(Tokens.withRoles("auditor"))
        .when()
        .get("/api/v1/audit" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static JsonPath verify() {
    return api(Tokens.withRoles("auditor"))
        .when()
        .get("/api/v1/audit/verify")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void submissionsWithdrawalsAccountsAndFailedLoginsAreRecordedWithWhoWhatAndWhere() {
    String system = Ledger.unique("audited-system");
    String token = Tokens.caller(system);
    String caseId = Ledger.unique("AUDIT");
    api(token)
        .body(Ledger.hire(caseId, Ledger.unique("ORG"), Ledger.unique("T"), 2031, "100000"))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201);
    api(token).when().post("/api/v1/cases/" + caseId + "/withdraw").then().statusCode(200);
    RestAssured.given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("grant_type", "client_credentials")
        .formParam("client_id", system)
        .formParam("client_secret", "wrong")
        .when()
        .post("/oauth/token")
        .then()
        .statusCode(401)
        .body("error", equalTo("invalid_client"));

    JsonPath mine = audit("?actor=" + system + "&size=10");
    assertThat(mine.getList("entries.action"))
        .containsExactly("LOGIN_FAILED", "CASE_WITHDRAWN", "CASE_SUBMITTED");
    Map<String, Object> submitted = mine.getMap("entries[2]");
    assertThat(submitted)
        .containsEntry("target", system + "/" + caseId)
        .containsEntry("outcome", "SUCCESS");
    assertThat((String) submitted.get("source")).isNotBlank();
    assertThat(mine.getString("entries[0].outcome")).isEqualTo("FAILED");
    assertThat(mine.getString("entries[0].target")).isEqualTo("client:" + system);

    JsonPath created = audit("?action=CLIENT_CREATED&target=" + system);
    assertThat(created.getList("entries.actor")).containsExactly("admin");

    JsonPath onePage = audit("?actor=" + system + "&size=1&page=1");
    assertThat(onePage.getLong("total")).isEqualTo(3);
    assertThat(onePage.getList("entries.action")).containsExactly("CASE_WITHDRAWN");
  }

  @Test
  void anEditedOrDeletedEntryIsFoundByTheCheck() throws Exception {
    // Something to seal, then sealed.
    api(Tokens.caller(Ledger.unique("sealed-system")))
        .body(
            Ledger.hire(Ledger.unique("SEAL"), Ledger.unique("ORG"), Ledger.unique("T"), 2031, "1"))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201);
    api(Tokens.caller(Ledger.unique("sealed-system")))
        .body(
            Ledger.hire(Ledger.unique("SEAL"), Ledger.unique("ORG"), Ledger.unique("T"), 2031, "1"))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201);
    sealer.seal();
    assertThat(verify().getBoolean("intact")).isTrue();
    long sealed = verify().getLong("sealedEntries");
    assertThat(sealed).isGreaterThanOrEqualTo(2);

    long[] ids = lastTwoSealedIds();
    long edited = ids[0];
    String original = column(edited, "detail");
    update("UPDATE audit_entry SET detail = ? WHERE id = ?", "{\"totalAmount\":0}", edited);
    JsonPath afterEdit = verify();
    assertThat(afterEdit.getBoolean("intact")).isFalse();
    assertThat(afterEdit.getLong("brokenAt")).isEqualTo(edited);
    update("UPDATE audit_entry SET detail = ? WHERE id = ?", original, edited);
    assertThat(verify().getBoolean("intact")).isTrue();

    Map<String, Object> row = row(edited);
    update("DELETE FROM audit_entry WHERE id = ?", null, edited);
    JsonPath afterDelete = verify();
    assertThat(afterDelete.getBoolean("intact")).isFalse();
    assertThat(afterDelete.getLong("brokenAt")).isEqualTo(ids[1]);
    insert(row);
    assertThat(verify().getBoolean("intact")).isTrue();
  }

  private long[] lastTwoSealedIds() throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id FROM audit_entry WHERE chain_hash IS NOT NULL ORDER BY id DESC LIMIT 2");
        ResultSet r = s.executeQuery()) {
      r.next();
      long last = r.getLong(1);
      r.next();
      return new long[] {r.getLong(1), last};
    }
  }

  private String column(long id, String name) throws Exception {
    return (String) row(id).get(name);
  }

  private Map<String, Object> row(long id) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT * FROM audit_entry WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
          row.put(r.getMetaData().getColumnName(i).toLowerCase(), r.getObject(i));
        }
        return row;
      }
    }
  }

  private void insert(Map<String, Object> row) throws Exception {
    List<String> columns = List.copyOf(row.keySet());
    String sql =
        "INSERT INTO audit_entry ("
            + String.join(", ", columns)
            + ") VALUES ("
            + String.join(", ", columns.stream().map(x -> "?").toList())
            + ")";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < columns.size(); i++) {
        s.setObject(i + 1, row.get(columns.get(i)));
      }
      s.executeUpdate();
    }
  }

  private void update(String sql, String value, long id) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      int i = 1;
      if (value != null) {
        s.setString(i++, value);
      }
      s.setLong(i, id);
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
  }
}
