package gov.rizhao.skills.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One row of a measure's parameter table (参数表): a policy value with its unit, validity and article.
 * The table's generated rule creates it; rules read it with {@code Parameter() from
 * params.get("M04.monthlyAllowance")}.
 *
 * <p>The unit (单位) says how the value is read and checked: {@link #UNITS}.
 */
public class Parameter {
  /** The units a parameter may have, and what each means. */
  public static final Map<String, String> UNITS =
      Map.ofEntries(
          Map.entry("元", "金额，非负，至多两位小数"),
          Map.entry("比例", "0 到 1 之间的小数"),
          Map.entry("人", "非负整数"),
          Map.entry("名", "非负整数"),
          Map.entry("名次", "正整数"),
          Map.entry("月", "非负整数"),
          Map.entry("年", "非负整数"),
          Map.entry("次", "非负整数"),
          Map.entry("等级", "职业资格等级代码，如 TECHNICIAN"),
          Map.entry("奖项", "奖项代码，如 THIRD"),
          Map.entry("日期", "日期，如 2019-04-30"),
          Map.entry("是否", "是 或 否"),
          Map.entry("文本", "任意文字"));

  private static final Set<String> INTEGER_UNITS = Set.of("人", "名", "名次", "月", "年", "次");
  private static final Set<String> ENUM_CONSTANTS =
      Stream.of(
              SkillLevel.class,
              Prize.class,
              OrgKind.class,
              OrgSize.class,
              PersonRole.class,
              IndustryField.class,
              WorkstationKind.class,
              DeliveryProgram.class,
              Honor.class,
              CompetitionTier.class,
              CertificateRoute.class,
              TalentTitle.class)
          .flatMap(e -> Stream.of(e.getEnumConstants()))
          .map(Enum::name)
          .collect(Collectors.toUnmodifiableSet());

  private final String id;
  private final String key;
  private String item;
  private String value;
  private String unit;
  private String description;
  private String validFrom;
  private String validTo;
  private String quote;
  private String article;
  private String source;
  private String location;

  public Parameter(String id, String key) {
    this.id = id;
    this.key = key == null ? "" : key.strip();
  }

  /** The row's stable id (the table's 编号 column): the rule name. */
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

  public void setItem(String item) {
    this.item = blankToNull(item);
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = blankToNull(value);
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = blankToNull(unit);
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = blankToNull(description);
  }

  public LocalDate getValidFrom() {
    return validFrom == null ? null : LocalDate.parse(validFrom);
  }

  public void setValidFrom(String validFrom) {
    this.validFrom = blankToNull(validFrom);
  }

  /** The last day the row is in force, or null when open-ended. */
  public LocalDate getValidTo() {
    return validTo == null ? null : LocalDate.parse(validTo);
  }

  public void setValidTo(String validTo) {
    this.validTo = blankToNull(validTo);
  }

  public String getQuote() {
    return quote;
  }

  public void setQuote(String quote) {
    this.quote = blankToNull(quote);
  }

  /** The article path the value rests on, e.g. {@code 二（二）4}. */
  public String getArticle() {
    return article;
  }

  public void setArticle(String article) {
    this.article = blankToNull(article);
  }

  /** The rule file that holds the row, relative to the rules directory's parent. */
  public String getSource() {
    return source;
  }

  /** Where in the file: {@code sheet 参数, row 12}. */
  public String getLocation() {
    return location;
  }

  public void locate(String source, String location) {
    this.source = source;
    this.location = location;
  }

  public boolean inForceOn(LocalDate date) {
    LocalDate from = getValidFrom();
    LocalDate to = getValidTo();
    return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
  }

  public BigDecimal getAmount() {
    return new BigDecimal(value);
  }

  public int getInteger() {
    return Integer.parseInt(value);
  }

  public SkillLevel getLevel() {
    return SkillLevel.valueOf(value);
  }

  public Prize getPrize() {
    return Prize.valueOf(value);
  }

  public LocalDate getDate() {
    return LocalDate.parse(value);
  }

  /** For a 是否 row: true when 是. A list member whose row says 否 is switched off. */
  public boolean isYes() {
    return "是".equals(value);
  }

  /** What is wrong with the row, in Chinese, for the analyst; empty when it is well formed. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!key.matches("[A-Z][A-Z0-9]*\\.[A-Za-z][A-Za-z0-9]*")) {
      problems.add("参数名 '" + key + "' 应形如 M04.monthlyAllowance");
    }
    if (article == null) {
      problems.add("参数 " + key + " 缺少条款（每个政策数值都须注明所依据的条款）");
    }
    if (item != null && !ENUM_CONSTANTS.contains(item)) {
      problems.add("适用对象 '" + item + "' 不是接口约定中的代码");
    }
    if (unit == null || !UNITS.containsKey(unit)) {
      problems.add(
          "单位 '" + unit + "' 无效，可用：" + String.join("、", UNITS.keySet().stream().sorted().toList()));
    } else if (value == null) {
      problems.add("参数 " + key + " 缺少取值");
    } else {
      String valueProblem = valueProblem();
      if (valueProblem != null) {
        problems.add("取值 '" + value + "' 不符合单位 " + unit + "：应为" + UNITS.get(unit));
      }
    }
    try {
      LocalDate from = getValidFrom();
      LocalDate to = getValidTo();
      if (from != null && to != null && to.isBefore(from)) {
        problems.add("截止日期早于生效日期");
      }
    } catch (DateTimeParseException e) {
      problems.add("生效日期或截止日期应形如 2019-04-30");
    }
    return problems;
  }

  private String valueProblem() {
    try {
      if ("元".equals(unit)) {
        BigDecimal amount = getAmount();
        return amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2 ? "bad" : null;
      }
      if ("比例".equals(unit)) {
        BigDecimal ratio = getAmount();
        return ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0 ? "bad" : null;
      }
      if (INTEGER_UNITS.contains(unit)) {
        int n = getInteger();
        return n < 0 || ("名次".equals(unit) && n < 1) ? "bad" : null;
      }
      switch (unit) {
        case "等级" -> getLevel();
        case "奖项" -> getPrize();
        case "日期" -> getDate();
        case "是否" -> {
          return "是".equals(value) || "否".equals(value) ? null : "bad";
        }
        default -> {
          return null;
        }
      }
      return null;
    } catch (RuntimeException e) {
      return "bad";
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  @Override
  public String toString() {
    return key + (item == null ? "" : "[" + item + "]") + "=" + value;
  }
}
