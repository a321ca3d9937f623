package gov.rizhao.skills.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import gov.rizhao.skills.support.Scenarios;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A scenario file says exactly what it means: unknown keys are errors, failures read as sentences.
 */
class ScenarioFilesTest {
  private static List<Scenario> read(String yaml) {
    return ScenarioReader.read("m06-test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aMisspeltKeyInAnExpectationIsAnErrorNamingItAndTheScenario() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    scenarios:
                      - 说明: 省级一类第 6 名可以认定
                        case: {competitionResults: [{tier: PROVINCIAL_CLASS_1, rank: 6}]}
                        expect:
                          - {measure: M06, amout: 2000}
                    """))
        .isInstanceOf(ScenarioFormatException.class)
        .hasMessageContaining("m06-test.yaml 第 1 个情景")
        .hasMessageContaining("amout")
        .hasMessageContaining("amount");
  }

  @Test
  void aMisspeltKeyOfAScenarioOrTheFileIsAnError() {
    assertThatThrownBy(() -> read("scenarios:\n  - {说明: x, cases: {}, expect: []}\n"))
        .hasMessageContaining("cases");
    assertThatThrownBy(() -> read("default: {}\nscenarios: []\n")).hasMessageContaining("default");
  }

  @Test
  void defaultsMergeFieldByFieldAndNullRemovesOne() {
    Scenario s =
        read("""
                defaults:
                  applicationDate: 2019-07-01
                  person: {id: P-9, qualification: SENIOR_WORKER}
                scenarios:
                  - 说明: 没有 person
                    case: {person: null}
                    expect: []
                  - 说明: 换资格
                    case: {person: {qualification: TECHNICIAN}}
                    expect: []
                """)
            .get(1);
    assertThat(s.caseJson().path("person").path("id").asText()).isEqualTo("P-9");
    assertThat(s.caseJson().path("person").path("qualification").asText()).isEqualTo("TECHNICIAN");
    assertThat(s.caseJson().path("caseId").asText()).isEqualTo("m06-test-2");
  }

  @Test
  void aFailureNamesTheFileTheSentenceAndBothAmountsInPlainDecimals() throws Exception {
    Scenario s =
        read("""
                scenarios:
                  - 说明: 省级一类第 6 名可以认定，奖励 2000 元
                    case: {}
                    expect:
                      - {measure: M06, outcome: ELIGIBLE, amount: 2000.00}
                """)
            .get(0);
    JsonNode got =
        Scenarios.JSON.readTree(
            "{\"totalAmount\":2500.00,\"decisions\":[{\"measure\":\"M06\",\"subject\":\"/person\","
                + "\"outcome\":\"ELIGIBLE\",\"amount\":2500.00,\"reasons\":[]}]}");
    assertThat(ScenarioCheck.failures(s, got))
        .singleElement()
        .asString()
        .contains("m06-test.yaml 第 1 个情景（省级一类第 6 名可以认定，奖励 2000 元）")
        .contains("应为 2000，实际为 2500")
        .doesNotContain("E+");
  }
}
