package gov.rizhao.skills.facts;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of a measure's parameter table (参数表): a policy value with its unit, validity, article and
 * document, typed once when the rules are built. Rules read it with {@code $p: Parameter() from
 * params.get("M04.monthlyAllowance")}; the row then appears in the decision's trace with its value.
 */
public final class Parameter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final String key;
  private final String item;
  private final String value;
  private final ParameterUnit unit;
  private final Object typed;
  private final String description;
  private final LocalDate validFrom;
  private final LocalDate validTo;
  private final String quote;
  private final String article;
  private final String document;
  private final String source;
  private final String location;

  /** What a row says, as read and checked by the build. */
  public record Row(
      String id,
      String key,
      String item,
      String value,
      ParameterUnit unit,
      String description,
      LocalDate validFrom,
      LocalDate validTo,
      String quote,
      String article,
      String document,
      String source,
      String location) {}

  /**
   * A row whose value fits its unit.
   *
   * @throws IllegalArgumentException when it does not
   */
  public Parameter(Row row) {
    this.id = row.id();
    this.key = row.key();
    this.item = row.item();
    this.value = row.value();
    this.unit = row.unit();
    this.typed = row.unit().parse(row.value());
    this.description = row.description();
    this.validFrom = row.validFrom();
    this.validTo = row.validTo();
    this.quote = row.quote();
    this.article = row.article();
    this.document = row.document();
    this.source = row.source();
    this.location = row.location();
  }

  /** The row's stable id (the table's 编号 column). */
  public String getId() {
    return id;
  }

  /** The measure the parameter belongs to: what precedes the first dot of the key. */
  public String getMeasure() {
    int dot = key.indexOf('.');
    return dot < 0 ? key : key.substring(0, dot);
  }

  public String getKey() {
    return key;
  }

  /** For a list or a table row: which member it is about (an enum code), else null. */
  public String getItem() {
    return item;
  }

  /** The value as written in the row (a number in plain decimals, a date as 2019-04-30). */
  public String getValue() {
    return value;
  }

  public ParameterUnit getUnit() {
    return unit;
  }

  public String getDescription() {
    return description;
  }

  /** The first day the row is in force, or null when it has always been. */
  public LocalDate getValidFrom() {
    return validFrom;
  }

  /** The last day the row is in force, or null when open-ended. */
  public LocalDate getValidTo() {
    return validTo;
  }

  public String getQuote() {
    return quote;
  }

  /** The article path the value rests on, e.g. {@code 二（二）4}. */
  public String getArticle() {
    return article;
  }

  /** The document the article belongs to, e.g. {@code 日人社字〔2019〕46号}. */
  public String getDocument() {
    return document;
  }

  /** The rule file that holds the row, e.g. {@code rules/m06-technical-expert.drl.xlsx}. */
  public String getSource() {
    return source;
  }

  /** Where in the file: {@code sheet 参数, row 12}. */
  public String getLocation() {
    return location;
  }

  public boolean inForceOn(LocalDate date) {
    return (validFrom == null || !date.isBefore(validFrom))
        && (validTo == null || !date.isAfter(validTo));
  }

  /** An amount (元) or a ratio (比例). */
  public BigDecimal getAmount() {
    return (BigDecimal) typed;
  }

  /** A count, a number of months or years, a rank. */
  public int getInteger() {
    return (Integer) typed;
  }

  public SkillLevel getLevel() {
    return (SkillLevel) typed;
  }

  public Prize getPrize() {
    return (Prize) typed;
  }

  public LocalDate getDate() {
    return (LocalDate) typed;
  }

  /** For a 是否 row: true when 是. A list member whose row says 否 is switched off. */
  public boolean isYes() {
    return Boolean.TRUE.equals(typed);
  }

  @Override
  public String toString() {
    return key + (item == null ? "" : "[" + item + "]") + "=" + value;
  }
}
