package gov.rizhao.skills.engine.build;

import gov.rizhao.skills.facts.CertificateRoute;
import gov.rizhao.skills.facts.CompetitionTier;
import gov.rizhao.skills.facts.DeliveryProgram;
import gov.rizhao.skills.facts.Honor;
import gov.rizhao.skills.facts.IndustryField;
import gov.rizhao.skills.facts.OrgKind;
import gov.rizhao.skills.facts.OrgSize;
import gov.rizhao.skills.facts.PersonRole;
import gov.rizhao.skills.facts.Prize;
import gov.rizhao.skills.facts.SkillLevel;
import gov.rizhao.skills.facts.TalentTitle;
import gov.rizhao.skills.facts.WorkstationKind;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The shape of a parameter workbook, shared by the reader and the template: a 措施 sheet declaring
 * the measure, a 参数 sheet with one policy value per row, and a hidden 代码 sheet holding the codes
 * the drop-downs offer. Each sheet has a title, a line of instructions and a header row whose
 * labels name the columns; data rows follow the header.
 */
final class WorkbookLayout {
  static final String MEASURES = "措施";
  static final String PARAMETERS = "参数";
  static final String DOCUMENTS = "文件";
  static final String FACTS = "事实";
  static final String CODES = "代码";

  /** The sheets that hold data: a workbook has at least one of them. */
  static final List<String> DATA_SHEETS = List.of(PARAMETERS, DOCUMENTS, FACTS);

  /** Rows above the header: the title and the instructions. */
  static final int HEADER_ROW = 3;

  /**
   * A column: its label, whether a workbook must have it, and the help shown as the header cell's
   * comment.
   */
  record Column(String label, boolean required, String help) {}

  static final String ID = "编号";
  static final String NAME = "措施名称";
  static final String DOCUMENT = "文件";
  static final String ARTICLE = "条款";
  static final String TEXT = "条文";
  static final String KEY = "参数";
  static final String ITEM = "适用对象";
  static final String VALUE = "取值";
  static final String UNIT = "单位";
  static final String DESCRIPTION = "说明";
  static final String VALID_FROM = "生效日期";
  static final String VALID_TO = "截止日期";
  static final String QUOTE = "原文摘录";
  static final String EVALUATION = "评估方式";
  static final String NUMBER = "文号";
  static final String TITLE = "标题";
  static final String EFFECTIVE = "施行日期";
  static final String EXPIRES = "失效日期";
  static final String LINK = "链接";
  static final String SUBJECT = "对象";
  static final String FIELD = "字段";
  static final String LABEL = "中文名称";
  static final String TYPE = "类型";
  static final String CODE_LIST = "可选代码";

  /** 评估方式: evaluated for every case whose facts the measure reads. */
  static final String AUTOMATIC = "自动";

  /** 评估方式: evaluated only for a case that names the measure in {@code measures}. */
  static final String NAMED = "点名";

  static final List<Column> MEASURE_COLUMNS =
      List.of(
          new Column(ID, true, "措施编号（如 M06），决定中的 measure 即此编号；参数名以它开头（如 M06.award）。"),
          new Column(NAME, true, "决定中显示的措施名称（measureName）。"),
          new Column(DOCUMENT, true, "政策文件文号，如 日人社字〔2019〕46号。"),
          new Column(ARTICLE, true, "条款路径，如 二（二）6，决定的 citation.article。"),
          new Column(TEXT, true, "条款原文，决定的 citation.text。"),
          new Column(
              EVALUATION,
              false,
              "自动：凡案件中有本措施所看的事实即评估；点名：只在调用方的 measures 中点名本措施时评估。"
                  + "留空即“点名”：新增的措施不会改变没有点名它的调用方所得的决定。"));

  static final List<Column> DOCUMENT_COLUMNS =
      List.of(
          new Column(ID, true, "行编号：全规则集唯一且稳定；规则读取文件的施行日期时，trace 引用它。"),
          new Column(NUMBER, true, "文号，如 日人社字〔2019〕46号；措施和参数行的“文件”列写这个文号。"),
          new Column(TITLE, true, "文件标题。"),
          new Column(EFFECTIVE, true, "施行日期（含当日），如 2019-04-30：申请日期早于此日的案件不适用依据本文件的措施。"),
          new Column(EXPIRES, true, "失效日期（含当日，即最后一天有效）；留空即长期有效。申请日期晚于此日的案件不适用依据本文件的措施。"),
          new Column(ARTICLE, true, "写明施行日期的条款或落款，如 落款。"),
          new Column(LINK, false, "文件原文的链接（可选）。"),
          new Column(DESCRIPTION, false, "说明（可选）。"));

  static final List<Column> FACT_COLUMNS =
      List.of(
          new Column(ID, true, "行编号：全规则集唯一且稳定。"),
          new Column(SUBJECT, true, "事实所属：人员（person）、单位（organization）或 案件（整个案件）。"),
          new Column(
              FIELD,
              true,
              "调用方在 attributes 中发送的字段名，小写字母开头的字母和数字，如 birthDate；"
                  + "案件中写作 person.attributes.birthDate。规则用 attributes.date(\"birthDate\") 等读取。"),
          new Column(TYPE, true, "日期、整数、小数、是否、代码、文本：调用方发送的值按此校验，规则按此类型读取。"),
          new Column(CODE_LIST, true, "类型为“代码”时的可选代码，用顿号或逗号分隔，如 FULL_TIME、PART_TIME；其他类型留空。"),
          new Column(LABEL, true, "中文名称，如 出生日期。"),
          new Column(UNIT, false, "单位（可选），如 元、岁。"),
          new Column(DESCRIPTION, false, "含义与填写说明（可选）。"));

  static final List<Column> PARAMETER_COLUMNS =
      List.of(
          new Column(ID, true, "行编号：全规则集唯一且稳定，决定的 trace 引用它。新增行请用新编号，不要重复使用旧编号。"),
          new Column(KEY, true, "参数名，规则（.drl）按此名称读取；须是规则读取的参数，拼写有误时系统会提示相近的参数名。"),
          new Column(
              ITEM, true, "名单或对照表的成员代码（如 PROVINCIAL_CLASS_1、ENTERPRISE，可从下拉列表选择），单一数值的参数留空。"),
          new Column(VALUE, true, "政策数值，可修改。金额以元为单位；比例写小数（30% 写 0.30）；名单成员写 是 或 否（否 即暂停该成员）。"),
          new Column(UNIT, true, "单位决定取值的校验方式，从下拉列表选择：元、比例、人、名、名次、月、年、次、等级、奖项、日期、是否、文本。"),
          new Column(DESCRIPTION, true, "该数值的含义（中文说明，供阅读）。"),
          new Column(VALID_FROM, true, "自该日起适用（含当日），日期格式 2019-04-30；留空即自政策施行起适用。"),
          new Column(VALID_TO, true, "适用至该日（含当日）；留空即无截止。调整数值时：在旧行填截止日期，新增一行从次日起生效，中间不得留空档。"),
          new Column(QUOTE, true, "政策原文中与该数值对应的字句。"),
          new Column(ARTICLE, true, "必填：该数值所依据的条款，如 二（二）4。"),
          new Column(DOCUMENT, false, "该数值所依据的文件文号；留空即本措施的文件。修订文件调整的数值在此写修订文件的文号。"));

  /** The contract's codes a list or table row may be about (适用对象). */
  static final List<String> ITEM_CODES =
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
          .distinct()
          .toList();

  private WorkbookLayout() {}

  /** The columns of a sheet this layout knows, or none for a sheet it does not. */
  static Optional<List<Column>> columnsOf(String sheet) {
    return switch (sheet) {
      case MEASURES -> Optional.of(MEASURE_COLUMNS);
      case PARAMETERS -> Optional.of(PARAMETER_COLUMNS);
      case DOCUMENTS -> Optional.of(DOCUMENT_COLUMNS);
      case FACTS -> Optional.of(FACT_COLUMNS);
      default -> Optional.empty();
    };
  }
}
