package gov.rizhao.skills.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;

/**
 * The analysts' scenarios in {@code rules/tests/*.yaml}: each a sentence of the policy (说明), a case
 * merged onto the file's defaults, and the decisions it must get. See rules/README.md for the
 * format.
 */
public final class Scenarios {
  public static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  public static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** One scenario: where it is written, what it says, the case to send and what must come back. */
  public record Scenario(
      String file,
      int number,
      String title,
      ObjectNode caseJson,
      JsonNode expect,
      JsonNode totalAmount) {
    @Override
    public String toString() {
      return file + " #" + number + " " + title;
    }
  }

  private Scenarios() {}

  public static Path rulesDir() {
    return Path.of(System.getProperty("skills.rules-dir", "rules"));
  }

  public static Stream<Scenario> all() {
    Path dir = rulesDir().resolve("tests");
    try (Stream<Path> files = Files.list(dir)) {
      List<Scenario> out = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        out.addAll(read(f));
      }
      return out.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Scenario> read(Path file) throws IOException {
    JsonNode doc = YAML.readTree(file.toFile());
    String name = file.getFileName().toString();
    JsonNode defaults = doc.path("defaults");
    List<Scenario> out = new ArrayList<>();
    int n = 0;
    for (JsonNode s : doc.withArray("scenarios")) {
      n++;
      ObjectNode merged = defaults.isObject() ? defaults.deepCopy() : JSON.createObjectNode();
      merge(merged, s.path("case"));
      merged.put("caseId", name.replace(".yaml", "") + "-" + n);
      String title = s.path("说明").asText("(no 说明)");
      out.add(new Scenario(name, n, title, merged, s.path("expect"), s.get("totalAmount")));
    }
    return out;
  }

  /** Objects merge field by field (null removes a default); arrays and values replace. */
  static void merge(ObjectNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      JsonNode current = target.get(f.getKey());
      if (f.getValue().isNull() && !(current instanceof ObjectNode)) {
        target.remove(f.getKey());
      } else if (f.getValue().isNull()) {
        target.remove(f.getKey());
      } else if (current instanceof ObjectNode obj && f.getValue().isObject()) {
        merge(obj, f.getValue());
      } else {
        target.set(f.getKey(), f.getValue().deepCopy());
      }
    }
  }

  /**
   * Checks an evaluation against the scenario: every expected decision is found (by measure, and
   * subject when given) with the fields it names (expected benefits and reasons must be among the
   * decision's); a measure named in the expectations has exactly that many decisions.
   */
  public static void check(Scenario s, JsonNode evaluation) {
    SoftAssertions softly = new SoftAssertions();
    JsonNode decisions = evaluation.path("decisions");
    if (s.totalAmount() != null) {
      softly
          .assertThat(evaluation.path("totalAmount").decimalValue())
          .as("totalAmount")
          .isEqualByComparingTo(s.totalAmount().decimalValue());
    }
    List<JsonNode> unmatched = new ArrayList<>();
    decisions.forEach(unmatched::add);
    for (JsonNode want : s.expect()) {
      String measure = want.path("measure").asText();
      long expected = count(s.expect(), measure);
      long actual = count(decisions, measure);
      softly
          .assertThat(actual)
          .as("number of %s decisions in %s", measure, decisions)
          .isEqualTo(expected);
      JsonNode got = null;
      for (JsonNode d : unmatched) {
        if (d.path("measure").asText().equals(measure)
            && (!want.has("subject")
                || want.path("subject").asText().equals(d.path("subject").asText()))) {
          got = d;
          break;
        }
      }
      if (got == null) {
        softly.fail(
            "no %s decision%s in %s",
            measure,
            want.has("subject") ? " about " + want.path("subject").asText() : "",
            decisions);
        continue;
      }
      unmatched.remove(got);
      matchDecision(softly, want, got);
    }
    softly.assertAll();
  }

  private static void matchDecision(SoftAssertions softly, JsonNode want, JsonNode got) {
    String label = want.path("measure").asText() + " " + got.path("subject").asText();
    if (want.has("outcome")) {
      softly
          .assertThat(got.path("outcome").asText())
          .as("%s outcome (reasons %s)", label, got.path("reasons"))
          .isEqualTo(want.path("outcome").asText());
    }
    if (want.has("amount")) {
      softly
          .assertThat(got.path("amount").decimalValue())
          .as("%s amount", label)
          .isEqualByComparingTo(want.path("amount").decimalValue());
    }
    if (want.has("reasons")) {
      List<String> codes = new ArrayList<>();
      got.path("reasons").forEach(r -> codes.add(r.path("code").asText()));
      List<String> wanted = new ArrayList<>();
      want.path("reasons").forEach(r -> wanted.add(r.asText()));
      if (wanted.isEmpty()) {
        softly.assertThat(codes).as("%s reasons", label).isEmpty();
      } else {
        softly.assertThat(codes).as("%s reason codes", label).containsAll(wanted);
      }
    }
    if (want.has("trace")) {
      List<String> rules = new ArrayList<>();
      got.path("trace").forEach(t -> rules.add(t.path("rule").asText()));
      List<String> wanted = new ArrayList<>();
      want.path("trace").forEach(r -> wanted.add(r.asText()));
      softly.assertThat(rules).as("%s trace", label).containsAll(wanted);
    }
    if (want.has("benefits")) {
      ArrayNode benefits = (ArrayNode) got.path("benefits");
      for (JsonNode wb : want.path("benefits")) {
        boolean found = false;
        for (JsonNode b : benefits) {
          found |= fieldsMatch(wb, b);
        }
        softly.assertThat(found).as("%s has benefit %s in %s", label, wb, benefits).isTrue();
      }
    }
  }

  /**
   * Every field of {@code want} is in {@code got} with an equal value (numbers compared as
   * decimals).
   */
  public static boolean fieldsMatch(JsonNode want, JsonNode got) {
    Iterator<Map.Entry<String, JsonNode>> fields = want.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      JsonNode g = got.get(f.getKey());
      if (g == null) {
        return false;
      }
      if (f.getValue().isNumber() && g.isNumber()) {
        if (new BigDecimal(f.getValue().asText()).compareTo(g.decimalValue()) != 0) {
          return false;
        }
      } else if (!f.getValue().asText().equals(g.asText())) {
        return false;
      }
    }
    return true;
  }

  private static long count(JsonNode list, String measure) {
    long n = 0;
    for (JsonNode d : list) {
      if (d.path("measure").asText().equals(measure)) {
        n++;
      }
    }
    return n;
  }
}
