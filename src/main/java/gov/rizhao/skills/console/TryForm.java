package gov.rizhao.skills.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.rizhao.skills.facts.CertificateRoute;
import gov.rizhao.skills.facts.CompetitionTier;
import gov.rizhao.skills.facts.OrgKind;
import gov.rizhao.skills.facts.OrgSize;
import gov.rizhao.skills.facts.PersonRole;
import gov.rizhao.skills.facts.Prize;
import gov.rizhao.skills.facts.SkillLevel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The common fields of a case as the 评估试算 form asks for them (a person, their employer, one
 * competition result, one certificate), turned into the contract's JSON; what the form leaves empty
 * is left out. Anything else is written in the JSON box.
 */
public final class TryForm {
  /** A choice of a drop-down: the contract's code and its Chinese name. */
  public record Option(String value, String label) {}

  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("WORKER", "职工"),
          Map.entry("PROFESSIONAL_TEACHER", "专业教师"),
          Map.entry("ENTERPRISE", "企业"),
          Map.entry("INDUSTRY_BODY", "行业（部门）"),
          Map.entry("TECHNICAL_COLLEGE", "技工院校"),
          Map.entry("VOCATIONAL_COLLEGE", "职业院校"),
          Map.entry("TRAINING_BASE", "高技能人才培训基地"),
          Map.entry("SOCIAL_ORGANIZATION", "社会组织"),
          Map.entry("STATE_UNIT", "国家、省属驻日照单位"),
          Map.entry("PUBLIC_INSTITUTION", "事业单位"),
          Map.entry("GOVERNMENT_AGENCY", "机关"),
          Map.entry("LARGE", "大型"),
          Map.entry("MEDIUM", "中型"),
          Map.entry("SMALL", "小型"),
          Map.entry("MICRO", "微型"),
          Map.entry("GOLDEN_BLUE_COLLAR", "“金蓝领”项目培训"),
          Map.entry("SOCIAL_ASSESSMENT", "社会化考评"),
          Map.entry("SKILL_COMPETITION", "职业技能竞赛"),
          Map.entry("OTHER", "其他"));

  private TryForm() {}

  /** Every drop-down's choices, for the template. */
  public record Choices(
      List<Option> levels,
      List<Option> roles,
      List<Option> kinds,
      List<Option> sizes,
      List<Option> tiers,
      List<Option> prizes,
      List<Option> routes) {}

  static final Choices CHOICES =
      new Choices(levels(), roles(), kinds(), sizes(), tiers(), prizes(), routes());

  public static List<Option> levels() {
    return Arrays.stream(SkillLevel.values()).map(l -> new Option(l.name(), l.getLabel())).toList();
  }

  public static List<Option> roles() {
    return named(PersonRole.values());
  }

  public static List<Option> kinds() {
    return named(OrgKind.values());
  }

  public static List<Option> sizes() {
    return named(OrgSize.values());
  }

  public static List<Option> tiers() {
    return Arrays.stream(CompetitionTier.values())
        .map(t -> new Option(t.name(), t.getLabel()))
        .toList();
  }

  public static List<Option> prizes() {
    return Arrays.stream(Prize.values()).map(p -> new Option(p.name(), p.getLabel())).toList();
  }

  public static List<Option> routes() {
    return named(CertificateRoute.values());
  }

  private static List<Option> named(Enum<?>[] values) {
    return Arrays.stream(values)
        .map(v -> new Option(v.name(), NAMES.getOrDefault(v.name(), v.name())))
        .toList();
  }

  /** The case the fields describe, as the contract's JSON (pretty, for the JSON box). */
  static String toJson(ObjectMapper json, Map<String, String> f) {
    ObjectNode c = json.createObjectNode();
    put(c, "caseId", f.get("caseId"));
    put(c, "applicationDate", f.get("applicationDate"));
    String measures = f.get("measures");
    if (measures != null && !measures.isBlank()) {
      ArrayNode list = c.putArray("measures");
      Arrays.stream(measures.split("[,，、\\s]+")).filter(m -> !m.isEmpty()).forEach(list::add);
    }
    ObjectNode person = json.createObjectNode();
    put(person, "id", f.get("personId"));
    put(person, "name", f.get("personName"));
    put(person, "qualification", f.get("qualification"));
    put(person, "role", f.get("role"));
    flag(person, "frontline", f.get("frontline"));
    if (!person.isEmpty()) {
      c.set("person", person);
    }
    ObjectNode organization = json.createObjectNode();
    put(organization, "id", f.get("organizationId"));
    put(organization, "kind", f.get("kind"));
    put(organization, "size", f.get("size"));
    flag(organization, "inRizhao", f.get("inRizhao"));
    flag(organization, "keyIndustry", f.get("keyIndustry"));
    if (!organization.isEmpty()) {
      c.set("organization", organization);
    }
    if (present(f.get("tier"))) {
      ObjectNode result = c.putArray("competitionResults").addObject();
      put(result, "name", f.get("competition"));
      put(result, "tier", f.get("tier"));
      number(result, "rank", f.get("rank"));
      put(result, "prize", f.get("prize"));
      put(result, "date", f.get("competitionDate"));
    }
    if (present(f.get("certificateLevel"))) {
      ObjectNode certificate = c.putArray("certificates").addObject();
      put(certificate, "level", f.get("certificateLevel"));
      put(certificate, "route", f.get("route"));
      put(certificate, "obtainedOn", f.get("obtainedOn"));
    }
    return c.toPrettyString();
  }

  private static boolean present(String v) {
    return v != null && !v.isBlank();
  }

  private static void put(ObjectNode o, String field, String value) {
    if (present(value)) {
      o.put(field, value.strip());
    }
  }

  private static void flag(ObjectNode o, String field, String value) {
    if (present(value)) {
      o.put(field, true);
    }
  }

  /** A whole number as a number; anything else as written, for the contract's check to name. */
  private static void number(ObjectNode o, String field, String value) {
    if (present(value)) {
      try {
        o.put(field, Integer.parseInt(value.strip()));
      } catch (NumberFormatException e) {
        o.put(field, value.strip());
      }
    }
  }
}
