package gov.rizhao.skills;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Imports point down the layers: the application and the pages on top, then the features with their
 * resources, the contract's records, the engine's build above its runtime, and the ground (facts,
 * problems, settings, helpers). Two packages of one layer may use each other in one direction only.
 * The one upward use, the ledger implementing the engine's {@code ClaimPool}, goes through a port
 * the engine owns.
 */
class LayersTest {
  private static final Path SOURCES = Path.of("src", "main", "java", "gov", "rizhao", "skills");
  private static final Pattern IMPORT =
      Pattern.compile("^import gov\\.rizhao\\.skills\\.([a-z.]+)\\.[A-Z]");
  private static final Map<String, Integer> LAYER =
      Map.ofEntries(
          Map.entry("app", 7),
          Map.entry("console", 7),
          Map.entry("releases.rest", 7),
          Map.entry("engine.rest", 6),
          Map.entry("evaluation.rest", 6),
          Map.entry("evaluation.service", 6),
          Map.entry("cases", 6),
          Map.entry("ledger", 6),
          Map.entry("scenarios", 6),
          Map.entry("releases", 6),
          Map.entry("identity", 6),
          Map.entry("audit", 6),
          Map.entry("api", 5),
          Map.entry("engine.build", 4),
          Map.entry("engine", 3),
          Map.entry("http", 3),
          Map.entry("problem", 2),
          Map.entry("facts", 1),
          Map.entry("config", 1),
          Map.entry("common", 1));

  @Test
  void importsPointDownTheLayers() throws IOException {
    Map<String, Set<String>> uses = new HashMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String from = SOURCES.relativize(f.getParent()).toString().replace('/', '.');
        for (String line : Files.readAllLines(f)) {
          Matcher m = IMPORT.matcher(line);
          if (m.find() && !m.group(1).equals(from)) {
            uses.computeIfAbsent(from, k -> new HashSet<>()).add(m.group(1));
          }
        }
      }
    }
    List<String> wrong = new ArrayList<>();
    uses.forEach(
        (from, targets) -> {
          assertThat(LAYER).as("package %s has a layer", from).containsKey(from);
          for (String to : targets) {
            assertThat(LAYER).as("package %s has a layer", to).containsKey(to);
            int a = LAYER.get(from);
            int b = LAYER.get(to);
            boolean cycle = a == b && uses.getOrDefault(to, Set.of()).contains(from);
            if (b > a || cycle) {
              wrong.add(from + " -> " + to);
            }
          }
        });
    assertThat(wrong).isEmpty();
    assertThat(uses).isNotEmpty();
  }

  @Test
  void noMainSourceFileIsLongerThanThreeHundredLines() throws IOException {
    List<String> tooLong = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        int lines = Files.readAllLines(f).size();
        if (lines > 300) {
          tooLong.add(f + ": " + lines);
        }
      }
    }
    assertThat(tooLong).isEmpty();
  }
}
