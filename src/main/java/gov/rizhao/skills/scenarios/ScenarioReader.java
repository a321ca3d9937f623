package gov.rizhao.skills.scenarios;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scenario file: {@code defaults} (the case every scenario starts from) and {@code
 * scenarios}, each with a 说明, a {@code case} merged onto the defaults (objects field by field,
 * {@code null} removes a default, lists and values replace) and what to {@code expect}. Every key
 * is checked: an unknown one is an error naming the file, the scenario and the keys allowed.
 */
public final class ScenarioReader {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  static final Set<String> FILE_KEYS = Set.of("defaults", "scenarios");
  static final Set<String> SCENARIO_KEYS = Set.of("说明", "before", "case", "expect", "totalAmount");
  static final Set<String> EXPECT_KEYS =
      Set.of("measure", "subject", "outcome", "amount", "benefits", "reasons", "trace");

  private ScenarioReader() {}

  /**
   * The scenarios of one file, numbered from 1; each case gets the id {@code <file>-<number>}.
   *
   * @throws ScenarioFormatException when the file does not follow the format
   */
  public static List<Scenario> read(String fileName, byte[] content) {
    JsonNode doc;
    try {
      doc = YAML.readTree(content);
    } catch (JsonProcessingException e) {
      throw new ScenarioFormatException(fileName + " 不是有效的 YAML：" + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ScenarioFormatException(fileName + " 无法读取：" + e.getMessage());
    }
    if (doc == null || !doc.isObject()) {
      throw new ScenarioFormatException(fileName + " 应包含 defaults 与 scenarios");
    }
    keys(doc, FILE_KEYS, fileName);
    JsonNode defaults = doc.path("defaults");
    if (!defaults.isMissingNode() && !defaults.isObject()) {
      throw new ScenarioFormatException(fileName + " 的 defaults 应为案件字段");
    }
    if (!doc.path("scenarios").isArray()) {
      throw new ScenarioFormatException(fileName + " 应有 scenarios 列表");
    }
    String stem = fileName.replaceAll(".*/", "").replaceAll("\\.ya?ml$", "");
    List<Scenario> out = new ArrayList<>();
    int n = 0;
    for (JsonNode s : doc.path("scenarios")) {
      n++;
      String where = fileName + " 第 " + n + " 个情景";
      if (!s.isObject()) {
        throw new ScenarioFormatException(where + " 应为含“说明”“case”“expect”的一项");
      }
      keys(s, SCENARIO_KEYS, where);
      String title = s.path("说明").asText("");
      if (title.isBlank()) {
        throw new ScenarioFormatException(where + " 缺少“说明”：每个情景写一句按政策的说明");
      }
      ObjectNode merged = onDefaults(defaults, s.path("case"), stem + "-" + n);
      JsonNode earlier = s.path("before");
      if (!earlier.isMissingNode() && !earlier.isArray()) {
        throw new ScenarioFormatException(where + " 的 before 应为案件列表（先提交的案件）");
      }
      List<ObjectNode> before = new ArrayList<>();
      for (JsonNode e : earlier) {
        before.add(onDefaults(defaults, e, stem + "-" + n + "-before-" + (before.size() + 1)));
      }
      out.add(
          new Scenario(
              fileName,
              n,
              title,
              merged,
              before,
              expectations(s.path("expect"), where + "（" + title + "）"),
              decimal(s.get("totalAmount"), where + " 的 totalAmount")));
    }
    return out;
  }

  private static ObjectNode onDefaults(JsonNode defaults, JsonNode patch, String caseId) {
    ObjectNode merged = defaults.isObject() ? defaults.deepCopy() : YAML.createObjectNode();
    merge(merged, patch);
    merged.put("caseId", caseId);
    return merged;
  }

  private static List<Scenario.Expectation> expectations(JsonNode expect, String where) {
    if (!expect.isArray()) {
      throw new ScenarioFormatException(where + " 的 expect 应为列表");
    }
    List<Scenario.Expectation> out = new ArrayList<>();
    for (JsonNode e : expect) {
      keys(e, EXPECT_KEYS, where + " 的 expect");
      String measure = e.path("measure").asText("");
      if (measure.isBlank()) {
        throw new ScenarioFormatException(where + " 的 expect 每项须写 measure");
      }
      out.add(
          new Scenario.Expectation(
              measure,
              text(e.get("subject")),
              text(e.get("outcome")),
              decimal(e.get("amount"), where + " 的 amount"),
              e.has("benefits") ? list(e.get("benefits")) : null,
              e.has("reasons") ? texts(e.get("reasons")) : null,
              e.has("trace") ? texts(e.get("trace")) : null));
    }
    return out;
  }

  private static void keys(JsonNode node, Set<String> allowed, String where) {
    if (!node.isObject()) {
      throw new ScenarioFormatException(where + " 应为键值对");
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new ScenarioFormatException(
            where
                + " 有未知的键“"
                + name
                + "”，可用的键："
                + String.join("、", allowed.stream().sorted().toList()));
      }
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static BigDecimal decimal(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isNumber()) {
      throw new ScenarioFormatException(where + " 应为数字，而不是“" + node.asText() + "”");
    }
    return node.decimalValue();
  }

  private static List<JsonNode> list(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    node.forEach(out::add);
    return out;
  }

  private static List<String> texts(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Objects merge field by field ({@code null} removes a default); lists and values replace. */
  static void merge(ObjectNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      JsonNode current = target.get(f.getKey());
      if (f.getValue().isNull()) {
        target.remove(f.getKey());
      } else if (current instanceof ObjectNode obj && f.getValue().isObject()) {
        merge(obj, f.getValue());
      } else {
        target.set(f.getKey(), f.getValue().deepCopy());
      }
    }
  }
}
