package gov.rizhao.skills.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulation's result as the console shows it: tables per measure, year, quota and cap, and the
 * first changed cases side by side, read from the stored result.
 */
public record SimulationPage(
    long cases,
    long changedCases,
    List<MeasureLine> measures,
    List<YearLine> years,
    List<QuotaLine> quotas,
    List<CapLine> caps,
    List<ChangedLine> changed) {

  /** One measure: decisions, how many changed and how, and the money before and after. */
  public record MeasureLine(
      String measure,
      long decisions,
      long changed,
      List<String> transitions,
      BigDecimal amountBefore,
      BigDecimal amountAfter,
      BigDecimal difference) {}

  /** One measure in one year: grants and money before and after. */
  public record YearLine(
      String measure,
      int year,
      long grantsBefore,
      long grantsAfter,
      BigDecimal amountBefore,
      BigDecimal amountAfter) {}

  /** One quota: its limit and its use before and after. */
  public record QuotaLine(
      String scope,
      String measure,
      BigDecimal limit,
      BigDecimal usedBefore,
      BigDecimal usedAfter) {}

  /** One measure's money caps. */
  public record CapLine(
      String measure,
      long poolsBefore,
      long poolsAfter,
      long atCapAfter,
      BigDecimal usedBefore,
      BigDecimal usedAfter) {}

  /** A case whose decision changed: both sides. */
  public record ChangedLine(
      String owner,
      String caseId,
      String applicationDate,
      String measure,
      String subject,
      String outcomeBefore,
      BigDecimal amountBefore,
      String outcomeAfter,
      BigDecimal amountAfter) {}

  static SimulationPage of(JsonNode r) {
    List<MeasureLine> measures = new ArrayList<>();
    List<YearLine> years = new ArrayList<>();
    for (JsonNode m : r.path("measures")) {
      List<String> transitions = new ArrayList<>();
      m.path("transitions")
          .fields()
          .forEachRemaining(t -> transitions.add(t.getKey() + "：" + t.getValue().asLong() + " 项"));
      measures.add(
          new MeasureLine(
              m.path("measure").asText(),
              m.path("decisions").asLong(),
              m.path("changed").asLong(),
              transitions,
              m.path("amountBefore").decimalValue(),
              m.path("amountAfter").decimalValue(),
              m.path("difference").decimalValue()));
      for (JsonNode y : m.path("byYear")) {
        years.add(
            new YearLine(
                m.path("measure").asText(),
                y.path("year").asInt(),
                y.path("grantsBefore").asLong(),
                y.path("grantsAfter").asLong(),
                y.path("amountBefore").decimalValue(),
                y.path("amountAfter").decimalValue()));
      }
    }
    List<QuotaLine> quotas = new ArrayList<>();
    for (JsonNode q : r.path("quotas")) {
      quotas.add(
          new QuotaLine(
              q.path("scope").asText(),
              q.path("measure").asText(),
              q.path("limit").decimalValue(),
              q.path("usedBefore").decimalValue(),
              q.path("usedAfter").decimalValue()));
    }
    List<CapLine> caps = new ArrayList<>();
    for (JsonNode c : r.path("caps")) {
      caps.add(
          new CapLine(
              c.path("measure").asText(),
              c.path("poolsBefore").asLong(),
              c.path("poolsAfter").asLong(),
              c.path("atCapAfter").asLong(),
              c.path("usedBefore").decimalValue(),
              c.path("usedAfter").decimalValue()));
    }
    List<ChangedLine> changed = new ArrayList<>();
    for (JsonNode c : r.path("firstChanged")) {
      changed.add(
          new ChangedLine(
              c.path("owner").asText(),
              c.path("caseId").asText(),
              c.path("applicationDate").asText(),
              c.path("measure").asText(),
              c.path("subject").asText(),
              c.path("before").path("outcome").asText(null),
              c.path("before").path("amount").decimalValue(),
              c.path("after").path("outcome").asText(null),
              c.path("after").path("amount").decimalValue()));
    }
    return new SimulationPage(
        r.path("cases").asLong(),
        r.path("changedCases").asLong(),
        measures,
        years,
        quotas,
        caps,
        changed);
  }
}
