package gov.rizhao.skills.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample cases, and a fixed corpus of cases with the decisions recorded for them before the
 * engine was restructured ({@code src/test/resources/corpus/decisions.json}: the shared examples,
 * every analyst scenario of the time, the benchmark cases and 400 cases generated from a fixed
 * seed, each with its input).
 */
public final class Corpus {
  private Corpus() {}

  /** The shared examples, copied into the repository (src/test/resources/examples). */
  public static List<Path> examples() {
    Path dir = Path.of("src", "test", "resources", "examples");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The fields of a decision that must stay the same: all but where a rule or row sits in its file.
   */
  public static List<JsonNode> comparable(JsonNode evaluation) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode d : evaluation.path("decisions")) {
      ObjectNode copy = d.deepCopy();
      ArrayNode trace = Scenarios.JSON.createArrayNode();
      for (JsonNode t : d.path("trace")) {
        trace
            .addObject()
            .put("rule", t.path("rule").asText())
            .put("source", t.path("source").asText())
            .put("article", t.path("article").asText());
      }
      copy.set("trace", trace);
      out.add(copy);
    }
    return out;
  }

  /**
   * A copy with every number written as its plain decimal text: 5E+4, 50000 and 50000.00 compare
   * equal.
   */
  public static JsonNode plainNumbers(JsonNode node) {
    if (node.isNumber()) {
      return Scenarios.JSON
          .getNodeFactory()
          .textNode(node.decimalValue().stripTrailingZeros().toPlainString());
    }
    if (node.isObject()) {
      ObjectNode copy = Scenarios.JSON.createObjectNode();
      node.fields().forEachRemaining(f -> copy.set(f.getKey(), plainNumbers(f.getValue())));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = Scenarios.JSON.createArrayNode();
      node.forEach(n -> copy.add(plainNumbers(n)));
      return copy;
    }
    return node;
  }
}
