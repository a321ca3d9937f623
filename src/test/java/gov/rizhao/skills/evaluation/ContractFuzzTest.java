package gov.rizhao.skills.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import gov.rizhao.skills.support.Contract;
import gov.rizhao.skills.support.SchemaFaker;
import gov.rizhao.skills.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The contract and the service agree: bodies and query strings generated from {@code
 * openapi/openapi.yaml} with a fixed seed, valid ones and ones with one fault, are accepted by the
 * service exactly when the contract accepts them, and every answer is one the contract describes. A
 * probe of this kind once found 54 deviations.
 */
@QuarkusTest
class ContractFuzzTest {
  private static final long SEED = 20261201L;
  private static final int BODIES = 400;
  private static final int QUERIES = 300;

  private final OpenApiInteractionValidator validator = Contract.validator();
  private final JsonNode document = Contract.document();

  /** Why the contract refused the last request it was asked about. */
  private String why = "";

  @Test
  void casesGeneratedFromTheContractAreAcceptedExactlyWhenTheContractAcceptsThem() {
    SchemaFaker faker = new SchemaFaker(document, SEED);
    JsonNode caseSchema = document.path("components").path("schemas").path("CaseInput");
    Random random = new Random(SEED);
    String token = Tokens.withRoles("caller");
    List<String> deviations = new ArrayList<>();
    int accepted = 0;
    for (int i = 0; i < BODIES; i++) {
      JsonNode body = faker.valid(caseSchema);
      StringBuilder fault = new StringBuilder();
      if (random.nextInt(3) > 0) {
        body = faker.withOneFault(body, caseSchema, fault);
      }
      String json = body.toString();
      boolean contractAccepts = accepts(SimpleRequest.Builder.post("/api/v1/evaluations"), json);
      if (fault.isEmpty() && !contractAccepts) {
        deviations.add("the generator made a case the contract refuses: " + json + " " + why);
      }
      Response answer =
          RestAssured.given()
              .auth()
              .oauth2(token)
              .contentType("application/json")
              .body(json)
              .post("/api/v1/evaluations");
      boolean serviceAccepts = answer.statusCode() == 200;
      accepted += serviceAccepts ? 1 : 0;
      if (contractAccepts != serviceAccepts || !described("/api/v1/evaluations", answer)) {
        deviations.add(
            "contract "
                + (contractAccepts ? "accepts" : "refuses")
                + ", service answered "
                + answer.statusCode()
                + " ("
                + fault
                + ") "
                + json
                + " -> "
                + answer.asString());
      }
    }
    assertThat(deviations).as("%d deviations", deviations.size()).isEmpty();
    assertThat(accepted)
        .as("valid cases among those sent")
        .isBetween(BODIES / 5, BODIES - BODIES / 5);
  }

  @Test
  void ledgerAndMeasureQueriesAreAcceptedExactlyWhenTheContractAcceptsThem() {
    Random random = new Random(SEED);
    String[] numbers = {
      "0",
      "1",
      "2020",
      "1949",
      "2999",
      "1948",
      "3000",
      "-1",
      "abc",
      "",
      " 2020",
      "2020.0",
      "1000",
      "1001",
      "99999999999",
      "07"
    };
    String[] ids = {"P-7", "ORG-1", "申请-1", "A;B", "", " A", "Café", "x".repeat(101)};
    // Measures the rules declare, and strings the contract's pattern refuses: whether a well-formed
    // id is one the rules declare is beyond a schema (the contract says so in words).
    String[] measures = {"M01", "M10", "m01", "", "M01;", "M-1", "MX1".repeat(8)};
    String[] dates = {
      "2020-03-01",
      "2019-02-29",
      "1949-01-01",
      "1948-12-31",
      "3000-01-01",
      " 2020-03-01",
      "2020-03-01T00:00",
      "20200301"
    };
    String token = Tokens.withRoles("caller");
    List<String> deviations = new ArrayList<>();
    for (int i = 0; i < QUERIES; i++) {
      Map<String, String> query = new LinkedHashMap<>();
      String path;
      if (random.nextBoolean()) {
        path = "/api/v1/ledger";
        put(query, random, "year", numbers);
        put(query, random, "page", numbers);
        put(query, random, "size", numbers);
        put(query, random, "organization", ids);
        put(query, random, "person", ids);
        put(query, random, "measure", measures);
      } else {
        path = "/api/v1/measures";
        put(query, random, "date", dates);
      }
      SimpleRequest.Builder request = SimpleRequest.Builder.get(path);
      query.forEach(request::withQueryParam);
      boolean contractAccepts = accepts(request, null);
      String url =
          query.isEmpty()
              ? path
              : path
                  + query.entrySet().stream()
                      .map(
                          e ->
                              e.getKey()
                                  + "="
                                  + java.net.URLEncoder.encode(
                                      e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                      .collect(Collectors.joining("&", "?", ""));
      // The query exactly as written here: REST Assured would leave out a parameter with no value.
      Response answer = RestAssured.given().auth().oauth2(token).urlEncodingEnabled(false).get(url);
      boolean serviceAccepts = answer.statusCode() == 200;
      if (contractAccepts != serviceAccepts || !described(path, answer)) {
        deviations.add(
            "contract "
                + (contractAccepts ? "accepts" : "refuses")
                + ", service answered "
                + answer.statusCode()
                + ": "
                + path
                + " "
                + query
                + " -> "
                + answer.asString().substring(0, Math.min(300, answer.asString().length())));
      }
    }
    assertThat(deviations).as("%d deviations", deviations.size()).isEmpty();
  }

  private static void put(Map<String, String> query, Random random, String name, String[] values) {
    if (random.nextInt(3) == 0) {
      query.put(name, values[random.nextInt(values.length)]);
    }
  }

  private boolean accepts(SimpleRequest.Builder request, String json) {
    request.withAuthorization("Bearer x").withAccept("application/json");
    if (json != null) {
      request.withContentType("application/json").withBody(json);
    }
    ValidationReport report = validator.validateRequest(request.build());
    why =
        report.getMessages().stream()
            .map(ValidationReport.Message::getMessage)
            .collect(Collectors.joining("; "));
    return !report.hasErrors();
  }

  /** Whether the answer is one the contract describes for the operation (status and body). */
  private boolean described(String path, Response answer) {
    Request.Method method = path.endsWith("evaluations") ? Request.Method.POST : Request.Method.GET;
    SimpleResponse response =
        SimpleResponse.Builder.status(answer.statusCode())
            .withContentType(answer.contentType())
            .withBody(answer.asString())
            .build();
    ValidationReport report = validator.validateResponse(path, method, response);
    if (report.hasErrors()) {
      System.err.println(
          report.getMessages().stream()
              .map(ValidationReport.Message::getMessage)
              .collect(Collectors.joining("; ")));
    }
    return !report.hasErrors();
  }
}
