package gov.rizhao.skills.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.Map;

/**
 * The JSON a case is stored as: its input in a canonical form, its answer and its pools as written.
 */
@ApplicationScoped
public class StoredJson {
  private final ObjectMapper json;

  public StoredJson(ObjectMapper json) {
    this.json = json;
  }

  /**
   * The value as JSON without null fields, numbers without trailing zeros: equal cases, equal text.
   */
  public String canonical(Object value) {
    JsonNode tree = json.valueToTree(value);
    normalize(tree);
    return write(tree);
  }

  public String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON does not read back", e);
    }
  }

  public <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON does not read back", e);
    }
  }

  public JsonNode tree(Object value) {
    return json.valueToTree(value);
  }

  /** The stored text as a JSON value to embed in an answer as it is. */
  public JsonNode raw(String text) {
    return json.getNodeFactory().rawValueNode(new RawValue(text));
  }

  private static void normalize(JsonNode node) {
    if (node instanceof ObjectNode obj) {
      Iterator<Map.Entry<String, JsonNode>> fields = obj.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        if (f.getValue().isNull()) {
          fields.remove();
        } else if (f.getValue().isBigDecimal()) {
          f.setValue(DecimalNode.valueOf(f.getValue().decimalValue().stripTrailingZeros()));
        } else {
          normalize(f.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(StoredJson::normalize);
    }
  }
}
