package gov.rizhao.skills.facts;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a declared fact is about: the person, the organization or the case as a whole; each has an
 * {@code attributes} object in the case.
 */
public enum AttributeSubject {
  PERSON("人员", "/person/attributes"),
  ORGANIZATION("单位", "/organization/attributes"),
  CASE("案件", "/attributes");

  private final String symbol;
  private final String pointer;

  AttributeSubject(String symbol, String pointer) {
    this.symbol = symbol;
    this.pointer = pointer;
  }

  /** As written in the 对象 column, e.g. 人员. */
  public String symbol() {
    return symbol;
  }

  /** Where the attributes of this subject are in the case, as a JSON pointer. */
  public String pointer() {
    return pointer;
  }

  public static Optional<AttributeSubject> ofSymbol(String symbol) {
    return Arrays.stream(values())
        .filter(s -> s.symbol.equals(symbol) || s.name().equalsIgnoreCase(symbol))
        .findFirst();
  }
}
