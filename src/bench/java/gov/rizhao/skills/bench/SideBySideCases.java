package gov.rizhao.skills.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes the generated cases of the side-by-side comparison (ours, DMN, GoRules ZEN), one contract
 * case per line: a person and one competition result, every combination of tier, rank, prize and
 * flag the two table-shaped measures (M06, M10) read, from a fixed seed so every run sees the same
 * cases. {@code SideBySideCases <count> <cases.jsonl>}
 */
public final class SideBySideCases {
  private static final List<String> TIERS =
      List.of(
          "NATIONAL",
          "PROVINCIAL_CLASS_1",
          "PROVINCIAL_CLASS_2",
          "MUNICIPAL_CLASS_1",
          "MUNICIPAL_CLASS_2",
          "OTHER");
  private static final List<String> PRIZES =
      List.of("FIRST", "SECOND", "THIRD", "EXCELLENCE", "NONE");
  private static final List<String> LEVELS =
      List.of(
          "JUNIOR_WORKER",
          "INTERMEDIATE_WORKER",
          "SENIOR_WORKER",
          "TECHNICIAN",
          "SENIOR_TECHNICIAN");

  private SideBySideCases() {}

  public static void main(String[] args) throws IOException {
    int count = Integer.parseInt(args[0]);
    ObjectMapper json = new ObjectMapper();
    Random random = new Random(46);
    Path out = Path.of(args[1]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (int i = 1; i <= count; i++) {
        w.write(json.writeValueAsString(generate(json, random, i)));
        w.newLine();
      }
    }
  }

  private static ObjectNode generate(ObjectMapper json, Random random, int i) {
    ObjectNode c = json.createObjectNode();
    c.put("caseId", String.format("SBS-%06d", i));
    c.put("applicationDate", "2021-05-01");
    c.putArray("measures").add("M06").add("M10");
    ObjectNode person = c.putObject("person");
    person.put("id", String.format("P-%06d", i));
    person.put("name", "选手" + i);
    int level = random.nextInt(LEVELS.size() + 1);
    if (level < LEVELS.size()) {
      person.put("qualification", LEVELS.get(level));
    }
    ObjectNode r = c.putArray("competitionResults").addObject();
    r.put("name", "日照市职业技能大赛");
    r.put("tier", TIERS.get(random.nextInt(TIERS.size())));
    if (random.nextInt(10) > 0) {
      r.put("rank", 1 + random.nextInt(10));
    }
    r.put("prize", PRIZES.get(random.nextInt(PRIZES.size())));
    r.put("skillStar", random.nextInt(4) == 0);
    r.put("catalogOccupation", random.nextInt(5) < 3);
    r.put("seniorWorkerStandard", random.nextInt(5) < 3);
    r.put("passed", random.nextInt(4) > 0);
    r.put("date", "2021-03-10");
    return c;
  }
}
