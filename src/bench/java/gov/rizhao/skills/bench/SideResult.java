package gov.rizhao.skills.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the side-by-side comparison checks of one case, whatever the engine: M06's outcome and
 * amount, M10's outcome, amount and promotion. One line of a results file, in the order the GoRules
 * ZEN runner writes it too.
 */
public record SideResult(
    String caseId,
    String m06Outcome,
    BigDecimal m06Amount,
    String m10Outcome,
    BigDecimal m10Amount,
    String m10Promotion) {

  public ObjectNode toJson(ObjectMapper json) {
    ObjectNode line = json.createObjectNode();
    line.put("caseId", caseId);
    ObjectNode m06 = line.putObject("M06");
    m06.put("outcome", m06Outcome);
    m06.put("amount", money(m06Amount));
    ObjectNode m10 = line.putObject("M10");
    m10.put("outcome", m10Outcome);
    m10.put("amount", money(m10Amount));
    m10.put("promotion", m10Promotion);
    return line;
  }

  private static String money(BigDecimal amount) {
    return (amount == null ? BigDecimal.ZERO : amount)
        .setScale(2, RoundingMode.HALF_UP)
        .toPlainString();
  }
}
