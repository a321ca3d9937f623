package gov.rizhao.skills.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an evaluation (the contract's JSON) against a scenario: every expected decision is found
 * (by measure, and subject when given) with the fields named (expected benefits and reasons must be
 * among the decision's, {@code reasons: []} means none); a measure named n times has exactly n
 * decisions. Each failure names the scenario and says what was expected and what came, numbers in
 * plain decimals.
 */
public final class ScenarioCheck {
  private ScenarioCheck() {}

  /** What does not match, in Chinese; empty when the scenario holds. */
  public static List<String> failures(Scenario s, JsonNode evaluation) {
    List<String> failures = new ArrayList<>();
    JsonNode decisions = evaluation.path("decisions");
    if (s.totalAmount() != null
        && evaluation.path("totalAmount").decimalValue().compareTo(s.totalAmount()) != 0) {
      failures.add(
          "totalAmount 应为 "
              + plain(s.totalAmount())
              + "，实际为 "
              + plain(evaluation.path("totalAmount")));
    }
    List<JsonNode> unmatched = new ArrayList<>();
    decisions.forEach(unmatched::add);
    Set<String> counted = new HashSet<>();
    for (Scenario.Expectation want : s.expect()) {
      long expected = s.expect().stream().filter(e -> e.measure().equals(want.measure())).count();
      long actual = count(decisions, want.measure());
      if (actual != expected && counted.add(want.measure())) {
        failures.add(want.measure() + " 应有 " + expected + " 项决定，实际 " + actual + " 项");
      }
      JsonNode got = null;
      for (JsonNode d : unmatched) {
        if (is(d, want.measure())
            && (want.subject() == null || want.subject().equals(d.path("subject").asText()))) {
          got = d;
          break;
        }
      }
      if (got == null) {
        failures.add(
            "没有 "
                + want.measure()
                + (want.subject() == null ? "" : " " + want.subject())
                + " 的决定；实际的决定："
                + summary(decisions));
        continue;
      }
      unmatched.remove(got);
      match(want, got, failures);
    }
    return failures.stream().map(f -> s.label() + "：" + f).toList();
  }

  private static void match(Scenario.Expectation want, JsonNode got, List<String> failures) {
    String label = want.measure() + " " + got.path("subject").asText();
    if (want.outcome() != null && !want.outcome().equals(got.path("outcome").asText())) {
      failures.add(
          label
              + " 的结果应为 "
              + want.outcome()
              + "，实际为 "
              + got.path("outcome").asText()
              + "（原因："
              + codes(got)
              + "）");
    }
    if (want.amount() != null && got.path("amount").decimalValue().compareTo(want.amount()) != 0) {
      failures.add(label + " 的金额应为 " + plain(want.amount()) + "，实际为 " + plain(got.path("amount")));
    }
    if (want.reasons() != null) {
      List<String> codes = codes(got);
      if (want.reasons().isEmpty() ? !codes.isEmpty() : !codes.containsAll(want.reasons())) {
        failures.add(
            label
                + " 的原因应"
                + (want.reasons().isEmpty() ? "为空" : "包含 " + want.reasons())
                + "，实际为 "
                + codes);
      }
    }
    if (want.trace() != null) {
      List<String> rules = new ArrayList<>();
      got.path("trace").forEach(t -> rules.add(t.path("rule").asText()));
      if (!rules.containsAll(want.trace())) {
        failures.add(label + " 的 trace 应包含 " + want.trace() + "，实际为 " + rules);
      }
    }
    if (want.benefits() != null) {
      for (JsonNode wb : want.benefits()) {
        boolean found = false;
        for (JsonNode b : got.path("benefits")) {
          found |= fieldsMatch(wb, b);
        }
        if (!found) {
          failures.add(
              label + " 应有待遇 " + plainJson(wb) + "，实际的待遇：" + plainJson(got.path("benefits")));
        }
      }
    }
  }

  /**
   * Every field of {@code want} is in {@code got} with an equal value (numbers compared as
   * decimals).
   */
  static boolean fieldsMatch(JsonNode want, JsonNode got) {
    Iterator<Map.Entry<String, JsonNode>> fields = want.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      JsonNode g = got.get(f.getKey());
      if (g == null) {
        return false;
      }
      boolean same =
          f.getValue().isNumber() && g.isNumber()
              ? f.getValue().decimalValue().compareTo(g.decimalValue()) == 0
              : f.getValue().asText().equals(g.asText());
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private static boolean is(JsonNode decision, String measure) {
    return decision.path("measure").asText().equals(measure);
  }

  private static long count(JsonNode decisions, String measure) {
    long n = 0;
    for (JsonNode d : decisions) {
      n += is(d, measure) ? 1 : 0;
    }
    return n;
  }

  private static List<String> codes(JsonNode decision) {
    List<String> codes = new ArrayList<>();
    decision.path("reasons").forEach(r -> codes.add(r.path("code").asText()));
    return codes;
  }

  private static String summary(JsonNode decisions) {
    List<String> parts = new ArrayList<>();
    decisions.forEach(
        d ->
            parts.add(
                d.path("measure").asText()
                    + " "
                    + d.path("subject").asText()
                    + " "
                    + d.path("outcome").asText()
                    + " "
                    + plain(d.path("amount"))));
    return parts.isEmpty() ? "（无）" : String.join("；", parts);
  }

  private static String plain(JsonNode number) {
    return number.isNumber() ? plain(number.decimalValue()) : number.asText();
  }

  /** JSON as text with its numbers in plain decimals (6000, not 6E+3). */
  private static String plainJson(JsonNode node) {
    if (node.isNumber()) {
      return plain(node.decimalValue());
    }
    if (node.isObject()) {
      List<String> fields = new ArrayList<>();
      node.fields()
          .forEachRemaining(f -> fields.add("\"" + f.getKey() + "\":" + plainJson(f.getValue())));
      return "{" + String.join(",", fields) + "}";
    }
    if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(n -> items.add(plainJson(n)));
      return "[" + String.join(",", items) + "]";
    }
    return node.toString();
  }

  static String plain(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString();
  }
}
