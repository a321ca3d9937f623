package gov.rizhao.skills.facts;

import java.io.Serializable;
import java.util.List;

/**
 * A fact the rules declare on a 事实 sheet: an attribute of the person, the organization or the case
 * that callers send in its {@code attributes} object, with its type, its codes (for a code list),
 * its Chinese label and unit, and where it is declared.
 */
public record FactDeclaration(
    String id,
    AttributeSubject subject,
    String key,
    AttributeType type,
    List<String> codes,
    String label,
    String unit,
    String description,
    String source,
    String location)
    implements Serializable {

  /** How a fact's key is written: a lower-case letter, then letters and digits (camelCase). */
  public static final String KEY_PATTERN = "[a-z][A-Za-z0-9]{0,49}";

  public FactDeclaration {
    codes = codes == null ? List.of() : List.copyOf(codes);
  }

  /** Where callers send it, as a JSON pointer, e.g. {@code /person/attributes/birthDate}. */
  public String pointer() {
    return subject.pointer() + "/" + key;
  }
}
