package gov.rizhao.skills.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.rizhao.skills.client.api.CasesApi;
import gov.rizhao.skills.client.api.EvaluationsApi;
import gov.rizhao.skills.client.api.LedgerApi;
import gov.rizhao.skills.client.model.CaseInput;
import gov.rizhao.skills.client.model.CaseRecord;
import gov.rizhao.skills.client.model.Evaluation;
import gov.rizhao.skills.client.model.Hire;
import gov.rizhao.skills.client.model.OrgKind;
import gov.rizhao.skills.client.model.OrgSize;
import gov.rizhao.skills.client.model.Organization;
import gov.rizhao.skills.client.model.TalentTitle;
import gov.rizhao.skills.scenarios.Scenario;
import gov.rizhao.skills.scenarios.ScenarioCheck;
import gov.rizhao.skills.scenarios.ScenarioReader;
import gov.rizhao.skills.support.Corpus;
import gov.rizhao.skills.support.Scenarios;
import gov.rizhao.skills.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Java client generated from openapi/openapi.yaml (OpenAPI Generator, java/native), used as an
 * integrating system would: the shared examples decided through it, a case submitted and sent
 * again, a problem read back.
 */
@QuarkusTest
class GeneratedClientTest {
  @TestHTTPResource("/")
  URL base;

  private ApiClient client;
  private ObjectMapper mapper;

  @BeforeEach
  void connect() {
    client = new ApiClient();
    client.updateBaseUri(URI.create(base.toString()).resolve("/").toString().replaceAll("/$", ""));
    // A calling system's token, as the service's own issuer gives it (securitySchemes: bearer).
    String token = Tokens.everything();
    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    mapper = client.getObjectMapper();
  }

  @Test
  void decidesEverySharedExampleAsThePolicySays() throws Exception {
    EvaluationsApi evaluations = new EvaluationsApi(client);
    for (Path example : Corpus.examples()) {
      JsonNode doc = Scenarios.JSON.readTree(example.toFile());
      CaseInput input = mapper.treeToValue(doc.get("case"), CaseInput.class);
      Evaluation answer = evaluations.evaluate(input, null);
      assertThat(failures(example, doc, mapper.valueToTree(answer)))
          .as(example.toString())
          .isEmpty();
    }
  }

  @Test
  void aCaseSentAgainWithTheListsTheClientLeftUnsetIsTheSameCase() throws Exception {
    CasesApi cases = new CasesApi(client);
    CaseInput input =
        new CaseInput()
            .caseId("GEN-" + UUID.randomUUID())
            .applicationDate(LocalDate.of(2031, 3, 1))
            .organization(
                new Organization()
                    .id("ORG-" + UUID.randomUUID())
                    .kind(OrgKind.ENTERPRISE)
                    .size(OrgSize.LARGE)
                    .inRizhao(true))
            .hires(
                List.of(
                    new Hire()
                        .talentId("T-" + UUID.randomUUID())
                        .title(TalentTitle.QILU_CHIEF_TECHNICIAN)
                        .fullTime(true)
                        .fromOutsideCity(true)
                        .annualSalary(new BigDecimal("200000"))
                        .recognized(true)));
    ApiResponse<CaseRecord> first = cases.submitCaseWithHttpInfo(input);
    assertThat(first.getStatusCode()).isEqualTo(201);
    input.setWorkstations(List.of());
    ApiResponse<CaseRecord> again = cases.submitCaseWithHttpInfo(input);
    assertThat(again.getStatusCode()).isEqualTo(200);
    assertThat(again.getData().getEvaluatedAt()).isEqualTo(first.getData().getEvaluatedAt());
    assertThat(
            new LedgerApi(client)
                .ledger(2031, null, input.getOrganization().getId(), null, null, null)
                .getGrants())
        .isEqualTo(1);
  }

  @Test
  void aProblemReadsBackWithTheFieldItNames() {
    EvaluationsApi evaluations = new EvaluationsApi(client);
    CaseInput input =
        new CaseInput()
            .caseId("GEN-BAD")
            .applicationDate(LocalDate.of(2020, 1, 1))
            .measures(List.of("M99"));
    assertThatThrownBy(() -> evaluations.evaluate(input, null))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(400);
              assertThat(e.getResponseBody()).contains("/measures/0");
            });
  }

  private List<String> failures(Path example, JsonNode doc, JsonNode answer) throws Exception {
    ObjectNode file = Scenarios.JSON.createObjectNode();
    ObjectNode only = file.putArray("scenarios").addObject();
    only.put("说明", "shared example");
    only.set("case", doc.get("case"));
    only.set("expect", doc.get("expect"));
    Scenario scenario =
        ScenarioReader.read(
                example.getFileName().toString(), Scenarios.JSON.writeValueAsBytes(file))
            .get(0);
    return ScenarioCheck.failures(scenario, answer);
  }
}
