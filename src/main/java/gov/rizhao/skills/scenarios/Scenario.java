package gov.rizhao.skills.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * One scenario an analyst wrote in {@code rules/tests/*.yaml}: a sentence of the policy (说明), the
 * case (the file's defaults merged with the scenario's own), and the decisions it must get.
 */
public record Scenario(
    String file,
    int number,
    String title,
    ObjectNode caseJson,
    List<ObjectNode> before,
    List<Expectation> expect,
    BigDecimal totalAmount) {

  /** An expected decision: its measure, and only the fields the analyst named. */
  public record Expectation(
      String measure,
      String subject,
      String outcome,
      BigDecimal amount,
      List<JsonNode> benefits,
      List<String> reasons,
      List<String> trace) {}

  /** {@code m06-technical-expert.yaml 第 3 个情景（省级一类竞赛第 7 名，未进入前 6 名）}. */
  public String label() {
    return file + " 第 " + number + " 个情景（" + title + "）";
  }

  @Override
  public String toString() {
    return file + " #" + number + " " + title;
  }
}
