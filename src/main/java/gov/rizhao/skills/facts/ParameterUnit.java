package gov.rizhao.skills.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * The units (单位) a parameter row may have: each says how its value (取值) is written, read and
 * checked. The value is read once, when the rules are built.
 */
public enum ParameterUnit {
  YUAN("元", "金额，非负，至多两位小数"),
  RATIO("比例", "0 到 1 之间的小数，30% 写 0.30"),
  PERSONS("人", "非负整数"),
  PLACES("名", "非负整数"),
  RANK("名次", "正整数"),
  MONTHS("月", "非负整数"),
  YEARS("年", "非负整数"),
  TIMES("次", "非负整数"),
  LEVEL("等级", "职业资格等级代码，如 TECHNICIAN"),
  PRIZE("奖项", "奖项代码，如 THIRD"),
  DATE("日期", "日期，如 2019-04-30"),
  YES_NO("是否", "是 或 否"),
  TEXT("文本", "任意文字");

  private final String symbol;
  private final String rule;

  ParameterUnit(String symbol, String rule) {
    this.symbol = symbol;
    this.rule = rule;
  }

  /** As written in the 单位 column, e.g. 元. */
  public String symbol() {
    return symbol;
  }

  /** What a value of this unit must look like, in Chinese. */
  public String rule() {
    return rule;
  }

  public static Optional<ParameterUnit> ofSymbol(String symbol) {
    return Arrays.stream(values()).filter(u -> u.symbol.equals(symbol)).findFirst();
  }

  /**
   * The value typed: {@link BigDecimal} for 元 and 比例, {@link Integer} for counts and ranks, {@link
   * SkillLevel}, {@link Prize}, {@link LocalDate}, {@link Boolean} for 是否, the text for 文本.
   *
   * @throws IllegalArgumentException when the value does not fit the unit
   */
  public Object parse(String value) {
    try {
      Object typed =
          switch (this) {
            case YUAN, RATIO -> new BigDecimal(value);
            case PERSONS, PLACES, RANK, MONTHS, YEARS, TIMES -> Integer.valueOf(value);
            case LEVEL -> SkillLevel.valueOf(value);
            case PRIZE -> Prize.valueOf(value);
            case DATE -> LocalDate.parse(value);
            case YES_NO -> yesNo(value);
            case TEXT -> value;
          };
      if (!fits(typed)) {
        throw new IllegalArgumentException(value);
      }
      return typed;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("取值 '" + value + "' 不符合单位 " + symbol + "：应为" + rule, e);
    }
  }

  private boolean fits(Object typed) {
    return switch (this) {
      case YUAN ->
          ((BigDecimal) typed).signum() >= 0
              && ((BigDecimal) typed).stripTrailingZeros().scale() <= 2;
      case RATIO ->
          ((BigDecimal) typed).signum() >= 0 && ((BigDecimal) typed).compareTo(BigDecimal.ONE) <= 0;
      case RANK -> (Integer) typed >= 1;
      case PERSONS, PLACES, MONTHS, YEARS, TIMES -> (Integer) typed >= 0;
      default -> true;
    };
  }

  private static Boolean yesNo(String value) {
    return switch (value) {
      case "是" -> Boolean.TRUE;
      case "否" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException(value);
    };
  }
}
