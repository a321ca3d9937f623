package gov.rizhao.skills.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

/**
 * The declared facts (事实) a case sends for the person, the organization or the case, typed as their
 * declaration says: a rule reads {@code Person(attributes.date("birthDate") != null)} or {@code
 * attributes.age("birthDate", $date) <= $max.integer}. A fact the case does not send reads as null
 * (and {@link #has} is false); which accessor fits which type is checked when the rules are built.
 */
public final class Attributes {
  /** No attributes: an absent person or organization, or a case that sends none. */
  public static final Attributes NONE = new Attributes(Map.of());

  private final Map<String, Object> values;

  public Attributes(Map<String, Object> values) {
    this.values = Map.copyOf(values);
  }

  /** True when the case sends the fact. */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** A fact of type 日期. */
  public LocalDate date(String key) {
    return (LocalDate) values.get(key);
  }

  /** A fact of type 整数. */
  public Long integer(String key) {
    return (Long) values.get(key);
  }

  /** A fact of type 小数. */
  public BigDecimal decimal(String key) {
    return (BigDecimal) values.get(key);
  }

  /** A fact of type 是否. */
  public Boolean flag(String key) {
    return (Boolean) values.get(key);
  }

  /** A fact of type 代码: one of the codes its declaration lists. */
  public String code(String key) {
    return (String) values.get(key);
  }

  /** A fact of type 文本. */
  public String text(String key) {
    return (String) values.get(key);
  }

  /**
   * Full years from a 日期 fact (a birth date) to {@code on} (the application date): the age in 周岁,
   * or null when the case does not send the date.
   */
  public Integer age(String key, LocalDate on) {
    LocalDate from = date(key);
    return from == null || on == null ? null : Period.between(from, on).getYears();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
