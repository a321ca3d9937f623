package gov.rizhao.skills.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import gov.rizhao.skills.scenarios.Scenario;
import gov.rizhao.skills.scenarios.ScenarioReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The analysts' scenarios in {@code rules/tests/*.yaml}, and the JSON and YAML readers tests share.
 */
public final class Scenarios {
  public static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  public static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private Scenarios() {}

  /** The rules the tests run against: the real ones, unless a test says otherwise. */
  public static Path rulesDir() {
    return Path.of(System.getProperty("test.rules-dir", "rules"));
  }

  public static Stream<Scenario> all() {
    Path dir = rulesDir().resolve("tests");
    try (Stream<Path> files = Files.list(dir)) {
      List<Scenario> out = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        out.addAll(ScenarioReader.read(f.getFileName().toString(), Files.readAllBytes(f)));
      }
      return out.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
