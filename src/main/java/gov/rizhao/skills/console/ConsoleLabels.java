package gov.rizhao.skills.console;

import gov.rizhao.skills.api.CaseStatus;
import gov.rizhao.skills.facts.BenefitKind;
import gov.rizhao.skills.facts.Outcome;
import gov.rizhao.skills.facts.Payee;
import gov.rizhao.skills.facts.TalentTitle;
import gov.rizhao.skills.releases.VersionStatus;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the console writes statuses and times, in Chinese and Beijing time. */
@TemplateExtension
public final class ConsoleLabels {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  private ConsoleLabels() {}

  /** {@code {v.status.label}}: 草稿, 现行, … */
  static String label(VersionStatus status) {
    return switch (status) {
      case DRAFT -> "草稿";
      case FAILED -> "构建失败";
      case APPROVED -> "已审批";
      case ACTIVE -> "现行";
      case RETIRED -> "已停用";
      case REJECTED -> "已驳回";
    };
  }

  /** {@code {d.outcome.label}}: 符合, 不符合, 名额已满. */
  static String label(Outcome outcome) {
    return switch (outcome) {
      case ELIGIBLE -> "符合，予以给付";
      case INELIGIBLE -> "不符合";
      case QUOTA_EXHAUSTED -> "符合条件，但名额或上限已满";
    };
  }

  /** {@code {b.kind.label}}: 一次性奖励, 津贴, … */
  static String label(BenefitKind kind) {
    return switch (kind) {
      case CASH -> "一次性资金";
      case MONTHLY_ALLOWANCE -> "按月津贴";
      case CERTIFICATE -> "证书";
      case PROMOTION -> "晋升职业资格";
      case TITLE -> "称号";
    };
  }

  /** {@code {c.status.label}}: 已决定, 已撤回. */
  static String label(CaseStatus status) {
    return status == CaseStatus.WITHDRAWN ? "已撤回（名额与金额已释放）" : "已决定";
  }

  /** {@code {b.title.label}}: the honour's Chinese name. */
  static String label(TalentTitle title) {
    return switch (title) {
      case CHINA_SKILL_AWARD -> "中华技能大奖";
      case NATIONAL_TECHNICAL_EXPERT -> "全国技术能手";
      case QILU_CHIEF_TECHNICIAN -> "齐鲁首席技师";
      case PROVINCIAL_TECHNICAL_EXPERT -> "山东省技术能手";
      case RIZHAO_CHIEF_TECHNICIAN -> "日照市首席技师";
      case RIZHAO_TECHNICAL_EXPERT -> "日照市技术能手";
      case OTHER -> "其他称号";
    };
  }

  /** {@code {b.payee.label}}: 个人, 单位. */
  static String label(Payee payee) {
    return payee == Payee.PERSON ? "个人" : "单位";
  }

  /** {@code {v.createdAt.shown}}: 2026-12-01 16:05 (Beijing time). */
  static String shown(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  /** {@code {scope.url}}: a value as a URL query component (RFC 3986, UTF-8). */
  static String url(String value) {
    return value == null
        ? ""
        : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20");
  }

  /** {@code {v.version.short}}: the first 12 hex digits of a version. */
  static String brief(String version) {
    return version == null || version.length() < 19
        ? String.valueOf(version)
        : version.substring(7, 19);
  }
}
