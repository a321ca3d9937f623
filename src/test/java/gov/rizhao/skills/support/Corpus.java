package gov.rizhao.skills.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A fixed corpus of cases whose decisions must not change when the code is restructured: the shared
 * examples, every analyst scenario, the benchmark cases and cases generated from a fixed seed that
 * reach every measure with varied facts. Keyed by a stable name.
 */
public final class Corpus {
  private static final long SEED = 20190430L;
  private static final int GENERATED = 400;

  private Corpus() {}

  public static Map<String, ObjectNode> cases() {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    for (Path example : examples()) {
      out.put("example/" + example.getFileName(), (ObjectNode) read(example).get("case"));
    }
    Scenarios.all().forEach(s -> out.put("scenario/" + s.file() + "#" + s.number(), s.caseJson()));
    out.put("bench/typical", (ObjectNode) resource("corpus/bench-typical.json"));
    out.put("bench/every-measure", (ObjectNode) resource("warm-up-case.json"));
    Random random = new Random(SEED);
    for (int i = 0; i < GENERATED; i++) {
      out.put("generated/" + i, generated(random, i));
    }
    return out;
  }

  /** The shared examples, copied into the repository (src/test/resources/examples). */
  public static List<Path> examples() {
    Path dir = Path.of("src", "test", "resources", "examples");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(Path file) {
    try {
      return Scenarios.JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode resource(String name) {
    try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(name)) {
      return Scenarios.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String[] LEVELS = {
    "JUNIOR_WORKER", "INTERMEDIATE_WORKER", "SENIOR_WORKER", "TECHNICIAN", "SENIOR_TECHNICIAN"
  };
  private static final String[] ORG_KINDS = {
    "ENTERPRISE",
    "INDUSTRY_BODY",
    "TECHNICAL_COLLEGE",
    "VOCATIONAL_COLLEGE",
    "TRAINING_BASE",
    "SOCIAL_ORGANIZATION",
    "STATE_UNIT",
    "PUBLIC_INSTITUTION",
    "GOVERNMENT_AGENCY"
  };
  private static final String[] SIZES = {"LARGE", "MEDIUM", "SMALL", "MICRO"};
  private static final String[] ROLES = {"WORKER", "PROFESSIONAL_TEACHER", "OTHER"};
  private static final String[] FIELDS = {
    "HIGH_PRECISION_MACHINING", "TRADITIONAL_CRAFTS", "FEATURED_INDUSTRY", "HIGH_TECH_INDUSTRY",
        "PILLAR_INDUSTRY",
    "STRATEGIC_EMERGING_INDUSTRY", "ADVANCED_MANUFACTURING", "MODERN_SERVICES",
        "URGENTLY_NEEDED_FIELD", "OTHER"
  };
  private static final String[] WORKSTATIONS = {
    "TECHNICIAN_WORKSTATION", "SKILL_MASTER_WORKSTATION"
  };
  private static final String[] PROGRAMS = {"GRADUATE_PLACEMENT", "CONTINUING_TRAINING"};
  private static final String[] HONORS = {"CHIEF_TECHNICIAN", "OUTSTANDING_TECHNICIAN"};
  private static final String[] TIERS = {
    "NATIONAL",
    "PROVINCIAL_CLASS_1",
    "PROVINCIAL_CLASS_2",
    "MUNICIPAL_CLASS_1",
    "MUNICIPAL_CLASS_2",
    "OTHER"
  };
  private static final String[] PRIZES = {"FIRST", "SECOND", "THIRD", "EXCELLENCE", "NONE"};
  private static final String[] ROUTES = {
    "GOLDEN_BLUE_COLLAR", "SOCIAL_ASSESSMENT", "SKILL_COMPETITION", "OTHER"
  };
  private static final String[] TITLES = {
    "CHINA_SKILL_AWARD",
    "NATIONAL_TECHNICAL_EXPERT",
    "QILU_CHIEF_TECHNICIAN",
    "PROVINCIAL_TECHNICAL_EXPERT",
    "RIZHAO_CHIEF_TECHNICIAN",
    "RIZHAO_TECHNICAL_EXPERT",
    "OTHER"
  };
  private static final String[] MEASURES = {
    "M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08", "M09", "M10"
  };

  private static ObjectNode generated(Random r, int n) {
    ObjectNode c = Scenarios.JSON.createObjectNode();
    c.put("caseId", "GEN-" + n);
    LocalDate date = LocalDate.of(2018, 10, 1).plusDays(r.nextInt(6 * 365));
    c.put("applicationDate", date.toString());
    if (r.nextInt(5) == 0) {
      ArrayNode measures = c.putArray("measures");
      measures.add(pick(r, MEASURES));
      if (r.nextBoolean()) {
        String second = pick(r, MEASURES);
        if (!second.equals(measures.get(0).asText())) {
          measures.add(second);
        }
      }
    }
    if (r.nextInt(8) != 0) {
      ObjectNode p = c.putObject("person");
      if (r.nextInt(6) != 0) {
        p.put("id", "P-" + r.nextInt(40));
      }
      p.put("name", "人员" + n);
      p.put("qualification", pick(r, LEVELS));
      p.put("frontline", r.nextInt(4) != 0);
      p.put("role", pick(r, ROLES));
      if (r.nextBoolean()) {
        p.put("uniqueSkills", r.nextBoolean());
      }
      if (r.nextInt(4) == 0) {
        p.putArray("titles").add(pick(r, TITLES));
      }
    }
    if (r.nextInt(8) != 0) {
      ObjectNode o = c.putObject("organization");
      if (r.nextInt(6) != 0) {
        o.put("id", "ORG-" + r.nextInt(15));
      }
      o.put("name", "单位" + n);
      o.put("kind", r.nextInt(3) == 0 ? pick(r, ORG_KINDS) : "ENTERPRISE");
      o.put("size", pick(r, SIZES));
      o.put("inRizhao", r.nextInt(5) != 0);
      o.put("keyIndustry", r.nextBoolean());
      o.put("publicTrainingBase", r.nextInt(3) == 0);
    }
    int lists = 1 + r.nextInt(3);
    for (int l = 0; l < lists; l++) {
      switch (r.nextInt(7)) {
        case 0 -> {
          ArrayNode a = c.withArray("workstations");
          ObjectNode w = a.addObject();
          if (r.nextInt(4) != 0) {
            w.put("id", "W-" + r.nextInt(20));
          }
          w.put("kind", pick(r, WORKSTATIONS));
          w.put("field", pick(r, FIELDS));
          w.put("recognized", r.nextInt(4) != 0);
          w.put("leaderQualification", pick(r, LEVELS));
          w.put("leaderUniqueSkills", r.nextInt(3) != 0);
        }
        case 1 -> {
          ObjectNode d = c.withArray("deliveries").addObject();
          d.put("program", pick(r, PROGRAMS));
          d.put("year", date.getYear() - r.nextInt(3) + (r.nextInt(10) == 0 ? 1 : 0));
          d.put("count", new int[] {50, 99, 100, 180, 999, 1000, 1500}[r.nextInt(7)]);
        }
        case 2 -> {
          ObjectNode x = c.withArray("nominations").addObject();
          x.put("honor", pick(r, HONORS));
          x.put("year", date.getYear() - r.nextInt(3) + (r.nextInt(10) == 0 ? 1 : 0));
        }
        case 3 -> {
          ObjectNode x = c.withArray("competitionResults").addObject();
          x.put("name", "竞赛" + r.nextInt(9));
          x.put("tier", pick(r, TIERS));
          if (r.nextInt(5) != 0) {
            x.put("rank", 1 + r.nextInt(9));
          }
          x.put("prize", pick(r, PRIZES));
          x.put("skillStar", r.nextInt(4) == 0);
          x.put("catalogOccupation", r.nextInt(3) != 0);
          x.put("seniorWorkerStandard", r.nextInt(3) != 0);
          x.put("passed", r.nextInt(4) != 0);
          if (r.nextInt(6) != 0) {
            x.put("date", date.minusDays(r.nextInt(400) - 30).toString());
          }
        }
        case 4 -> {
          ObjectNode x = c.withArray("certificates").addObject();
          x.put("level", pick(r, LEVELS));
          x.put("route", pick(r, ROUTES));
          if (r.nextInt(6) != 0) {
            x.put("obtainedOn", date.minusDays(r.nextInt(400) - 30).toString());
          }
        }
        case 5 -> {
          ObjectNode x = c.withArray("trainings").addObject();
          x.put("program", pick(r, ROUTES));
          x.put("level", pick(r, LEVELS));
          x.put("appraisalPassed", r.nextInt(4) != 0);
        }
        default -> {
          ObjectNode x = c.withArray("hires").addObject();
          if (r.nextInt(6) != 0) {
            x.put("talentId", "T-" + r.nextInt(30));
          }
          x.put("title", pick(r, TITLES));
          x.put("fullTime", r.nextInt(4) != 0);
          x.put("fromOutsideCity", r.nextInt(4) != 0);
          x.put(
              "annualSalary",
              new java.math.BigDecimal(50_000 + r.nextInt(600_000)).movePointLeft(0));
          x.put("recognized", r.nextInt(4) != 0);
        }
      }
    }
    return c;
  }

  private static String pick(Random r, String[] values) {
    return values[r.nextInt(values.length)];
  }

  /**
   * The fields of a decision that must stay the same: all but where a rule or row sits in its file.
   */
  public static List<JsonNode> comparable(JsonNode evaluation) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode d : evaluation.path("decisions")) {
      ObjectNode copy = d.deepCopy();
      ArrayNode trace = Scenarios.JSON.createArrayNode();
      for (JsonNode t : d.path("trace")) {
        trace
            .addObject()
            .put("rule", t.path("rule").asText())
            .put("source", t.path("source").asText())
            .put("article", t.path("article").asText());
      }
      copy.set("trace", trace);
      out.add(copy);
    }
    return out;
  }

  /**
   * A copy with every number written as its plain decimal text: 5E+4, 50000 and 50000.00 compare
   * equal.
   */
  public static JsonNode plainNumbers(JsonNode node) {
    if (node.isNumber()) {
      return Scenarios.JSON
          .getNodeFactory()
          .textNode(node.decimalValue().stripTrailingZeros().toPlainString());
    }
    if (node.isObject()) {
      ObjectNode copy = Scenarios.JSON.createObjectNode();
      node.fields().forEachRemaining(f -> copy.set(f.getKey(), plainNumbers(f.getValue())));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = Scenarios.JSON.createArrayNode();
      node.forEach(n -> copy.add(plainNumbers(n)));
      return copy;
    }
    return node;
  }
}
