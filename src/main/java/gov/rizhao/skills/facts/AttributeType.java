package gov.rizhao.skills.facts;

import java.util.Arrays;
import java.util.Optional;

/**
 * The types a declared fact (事实) may have, as the 事实 sheet writes them, and the accessor of {@link
 * Attributes} a rule reads each with.
 */
public enum AttributeType {
  DATE("日期", "date", "日期，如 1990-05-01"),
  INTEGER("整数", "integer", "整数"),
  DECIMAL("小数", "decimal", "数（可有小数）"),
  BOOLEAN("是否", "flag", "true 或 false"),
  CODE("代码", "code", "所列代码之一"),
  TEXT("文本", "text", "文字");

  private final String symbol;
  private final String accessor;
  private final String rule;

  AttributeType(String symbol, String accessor, String rule) {
    this.symbol = symbol;
    this.accessor = accessor;
    this.rule = rule;
  }

  /** As written in the 类型 column, e.g. 日期. */
  public String symbol() {
    return symbol;
  }

  /** The method of {@link Attributes} that reads a value of this type, e.g. {@code date}. */
  public String accessor() {
    return accessor;
  }

  /** What a value of this type must look like, in Chinese. */
  public String rule() {
    return rule;
  }

  /** The JSON type a caller sends, for the contract: string, integer, number or boolean. */
  public String jsonType() {
    return switch (this) {
      case INTEGER -> "integer";
      case DECIMAL -> "number";
      case BOOLEAN -> "boolean";
      default -> "string";
    };
  }

  public static Optional<AttributeType> ofSymbol(String symbol) {
    return Arrays.stream(values()).filter(t -> t.symbol.equals(symbol)).findFirst();
  }
}
