package gov.rizhao.skills.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Request bodies made from the contract's schemas, with a seeded random: valid ones, and ones with
 * a single fault put in (a wrong type, a value out of range or outside its pattern, a missing
 * required field, an unknown field). Strings with a pattern are drawn from examples of the named
 * schemas (Id, Date, MeasureId); every other constraint is read from the schema.
 */
public final class SchemaFaker {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] IDS = {
    "RZ-2020-00017", "P-7", "ORG-91371100MA3C", "申请-12", "工作站（东港）", "Café-1", "A", "x_1.2:3"
  };
  private static final String[] TEXTS = {"张三", "日照某机械有限公司", "Li Si", "", "技能大赛 2020"};

  private final JsonNode schemas;
  private final Random random;

  public SchemaFaker(JsonNode document, long seed) {
    this.schemas = document.path("components").path("schemas");
    this.random = new Random(seed);
  }

  /** A value the schema accepts. */
  public JsonNode valid(JsonNode schema) {
    return valid(schema, null, 0);
  }

  private JsonNode valid(JsonNode schema, String name, int depth) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      String named = ref.substring(ref.lastIndexOf('/') + 1);
      return valid(schemas.path(named), named, depth);
    }
    if (schema.has("allOf")) {
      return valid(schema.get("allOf").get(0), name, depth);
    }
    if (schema.has("enum")) {
      List<JsonNode> values = new ArrayList<>();
      schema.get("enum").forEach(v -> values.add(v));
      return values.get(random.nextInt(values.size()));
    }
    switch (schema.path("type").asText("object")) {
      case "object":
        return object(schema, depth);
      case "array":
        ArrayNode array = NODES.arrayNode();
        int n = depth > 3 ? 0 : random.nextInt(Math.min(3, schema.path("maxItems").asInt(3)) + 1);
        for (int i = 0; i < n; i++) {
          array.add(valid(schema.get("items"), null, depth + 1));
        }
        return array;
      case "integer":
        long min = schema.path("minimum").asLong(0);
        long max = schema.path("maximum").asLong(min + 1000);
        return NODES.numberNode(min + (long) (random.nextDouble() * (max - min)));
      case "number":
        double top = Math.min(schema.path("maximum").asDouble(1e6), 1e6);
        return NODES.numberNode(
            BigDecimal.valueOf(random.nextDouble() * top).setScale(2, java.math.RoundingMode.DOWN));
      case "boolean":
        return NODES.booleanNode(random.nextBoolean());
      default:
        return NODES.textNode(string(schema, name));
    }
  }

  private ObjectNode object(JsonNode schema, int depth) {
    ObjectNode object = NODES.objectNode();
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      boolean include = required.contains(p.getKey()) || random.nextInt(3) > 0;
      if (include) {
        boolean nullable = p.getValue().path("nullable").asBoolean(false);
        object.set(
            p.getKey(),
            nullable && random.nextInt(8) == 0
                ? NODES.nullNode()
                : valid(p.getValue(), null, depth + 1));
      }
    }
    return object;
  }

  /** Whether the schema is the named one, or an inlined copy of it (as a nullable reference is). */
  private boolean is(JsonNode schema, String name, String named) {
    return name != null
        ? name.equals(named)
        : schema.has("pattern")
            && schema.get("pattern").equals(schemas.path(named).path("pattern"));
  }

  private String string(JsonNode schema, String name) {
    if (is(schema, name, "Id")) {
      return IDS[random.nextInt(IDS.length)]
          + (random.nextBoolean() ? "" : "-" + random.nextInt(999));
    }
    if (is(schema, name, "Date") || "date".equals(schema.path("format").asText())) {
      return LocalDate.of(2019, 1, 1).plusDays(random.nextInt(3000)).toString();
    }
    if (is(schema, name, "MeasureId")) {
      return "M%02d".formatted(1 + random.nextInt(10));
    }
    String text = TEXTS[random.nextInt(TEXTS.length)];
    int max = schema.path("maxLength").asInt(200);
    return text.length() > max ? text.substring(0, max) : text;
  }

  /** The valid value with one fault put in somewhere; the fault is described in {@code what}. */
  public JsonNode withOneFault(JsonNode valid, JsonNode schema, StringBuilder what) {
    JsonNode copy = valid.deepCopy();
    List<Object[]> places = new ArrayList<>();
    collect(copy, resolve(schema), "", places);
    Object[] place = places.get(random.nextInt(places.size()));
    ObjectNode parent = (ObjectNode) place[0];
    String field = (String) place[1];
    JsonNode fieldSchema = resolve((JsonNode) place[2]);
    what.append(place[3]).append(": ");
    fault(parent, field, fieldSchema, (JsonNode) place[4], what);
    return copy;
  }

  /**
   * Every field of every object in the value: [object, field, its schema, pointer, parent schema].
   */
  private void collect(JsonNode value, JsonNode schema, String pointer, List<Object[]> places) {
    if (value instanceof ObjectNode object) {
      JsonNode properties = schema.path("properties");
      for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> p = it.next();
        places.add(
            new Object[] {object, p.getKey(), p.getValue(), pointer + "/" + p.getKey(), schema});
        if (object.has(p.getKey())) {
          collect(
              object.get(p.getKey()), resolve(p.getValue()), pointer + "/" + p.getKey(), places);
        }
      }
    } else if (value instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        collect(array.get(i), resolve(schema.path("items")), pointer + "/" + i, places);
      }
    }
  }

  private void fault(
      ObjectNode parent, String field, JsonNode schema, JsonNode parentSchema, StringBuilder what) {
    boolean required = false;
    for (JsonNode r : parentSchema.path("required")) {
      required |= r.asText().equals(field);
    }
    int kind = random.nextInt(6);
    if (kind == 0) {
      parent.put(field + "Extra", 1);
      what.append("an unknown field");
    } else if (kind == 1 && required) {
      if (random.nextBoolean()) {
        parent.remove(field);
        what.append("a required field left out");
      } else {
        parent.putNull(field);
        what.append("null for a required field");
      }
    } else if (kind == 2) {
      JsonNode wrong =
          switch (schema.path("type").asText("object")) {
            case "string" -> NODES.numberNode(7);
            case "integer", "number" -> NODES.textNode("7");
            case "boolean" -> NODES.textNode("true");
            case "array" -> NODES.objectNode();
            default -> NODES.arrayNode();
          };
      parent.set(field, wrong);
      what.append("a value of the wrong type");
    } else {
      parent.set(field, outOfBounds(schema, what));
    }
  }

  private JsonNode outOfBounds(JsonNode schema, StringBuilder what) {
    if (schema.has("enum")) {
      what.append("a value outside the enum");
      return NODES.textNode("NOT_A_VALUE");
    }
    switch (schema.path("type").asText("object")) {
      case "integer":
        what.append("a whole number out of range, or a fraction");
        return switch (random.nextInt(3)) {
          case 0 -> NODES.numberNode(schema.path("maximum").asLong(Integer.MAX_VALUE - 1L) + 1);
          case 1 -> NODES.numberNode(schema.path("minimum").asLong(0) - 1);
          default -> NODES.numberNode(new BigDecimal("1.5"));
        };
      case "number":
        what.append("a number out of range or with too many decimals");
        return random.nextBoolean()
            ? NODES.numberNode(new BigDecimal("-1"))
            : NODES.numberNode(new BigDecimal("1.001"));
      case "array":
        what.append("more items than allowed");
        ArrayNode big = NODES.arrayNode();
        for (int i = 0; i <= schema.path("maxItems").asInt(1000); i++) {
          big.add(valid(schema.get("items")));
        }
        return big;
      case "boolean":
        what.append("a number for a boolean");
        return NODES.numberNode(1);
      case "string":
        String[] bad = {"", " A", "A;B", "2020-02-30", "1948-12-31", "abc\u0000", "X".repeat(201)};
        String value = bad[random.nextInt(bad.length)];
        what.append("the string '").append(value.replace("\u0000", "\\u0000")).append("'");
        return NODES.textNode(value);
      default:
        what.append("a string for an object");
        return NODES.textNode("x");
    }
  }

  /** The schema a reference or a nullable wrapper stands for. */
  public JsonNode resolve(JsonNode schema) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      return resolve(schemas.path(ref.substring(ref.lastIndexOf('/') + 1)));
    }
    if (schema.has("allOf")) {
      return resolve(schema.get("allOf").get(0));
    }
    return schema;
  }
}
