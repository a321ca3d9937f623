package gov.rizhao.skills.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * The contract as the request validator should read it. OpenAPI 3.0 writes "this reference, or
 * null" as {@code allOf: [$ref], nullable: true}; the validator the tests use ignores the {@code
 * nullable} beside an {@code allOf}. Here each such wrapper is replaced by a copy of the schema it
 * refers to, marked nullable (with {@code null} among an enum's values): the same meaning, in the
 * form the validator understands. The published document is not changed.
 */
final class ContractDocument {
  private ContractDocument() {}

  static String forValidator(Path spec) {
    try {
      JsonNode root = Scenarios.YAML.readTree(spec.toFile());
      JsonNode schemas = root.path("components").path("schemas");
      rewrite(root, schemas);
      return Scenarios.JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void rewrite(JsonNode node, JsonNode schemas) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode replacement = nullableReference(field.getValue(), schemas);
        if (replacement != null) {
          field.setValue(replacement);
        } else {
          rewrite(field.getValue(), schemas);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(child -> rewrite(child, schemas));
    }
  }

  private static JsonNode nullableReference(JsonNode node, JsonNode schemas) {
    if (!node.path("nullable").asBoolean(false)
        || node.path("allOf").size() != 1
        || !node.path("allOf").get(0).has("$ref")) {
      return null;
    }
    String ref = node.path("allOf").get(0).path("$ref").asText();
    ObjectNode copy = schemas.path(ref.substring(ref.lastIndexOf('/') + 1)).deepCopy();
    copy.put("nullable", true);
    if (copy.has("enum")) {
      ((ArrayNode) copy.get("enum")).addNull();
    }
    rewrite(copy, schemas);
    return copy;
  }
}
