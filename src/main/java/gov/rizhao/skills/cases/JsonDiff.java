package gov.rizhao.skills.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a JSON document differs from the one recorded before, as JSON Pointers; numbers compare by
 * value (2000 equals 2000.00). A field the recorded document does not have was added to the
 * contract since, and is no difference.
 */
final class JsonDiff {
  private JsonDiff() {}

  static List<String> between(String at, JsonNode recorded, JsonNode now) {
    List<String> out = new ArrayList<>();
    diff(at, recorded, now, out);
    return out;
  }

  private static void diff(String at, JsonNode a, JsonNode b, List<String> out) {
    if (a.isNumber() && b.isNumber()) {
      if (a.decimalValue().compareTo(b.decimalValue()) != 0) {
        out.add(at);
      }
    } else if (a.isObject() && b.isObject()) {
      Set<String> names = new TreeSet<>();
      a.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        diff(at + "/" + n, a.path(n), b.path(n), out);
      }
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        diff(at + "/" + i, a.get(i), b.get(i), out);
      }
    } else if (!a.equals(b)) {
      out.add(at);
    }
  }
}
