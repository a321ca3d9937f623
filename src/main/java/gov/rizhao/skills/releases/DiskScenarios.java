package gov.rizhao.skills.releases;

import gov.rizhao.skills.engine.RuleFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The scenario files in {@code tests/} of a rules directory, named as stored versions name them.
 */
public final class DiskScenarios {
  /** Largest scenario file read, and most files. */
  static final long MAX_BYTES = 1 << 20;

  static final int MAX_FILES = 200;

  private DiskScenarios() {}

  public static List<RuleFile> read(Path rulesDir) {
    Path tests = rulesDir.resolve("tests");
    if (!Files.isDirectory(tests)) {
      return List.of();
    }
    String top = rulesDir.toAbsolutePath().normalize().getFileName().toString();
    List<RuleFile> files = new ArrayList<>();
    try (Stream<Path> walk = Files.list(tests)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = p.getFileName().toString();
        if ((name.endsWith(".yaml") || name.endsWith(".yml"))
            && Files.size(p) <= MAX_BYTES
            && files.size() < MAX_FILES) {
          files.add(new RuleFile(top + "/tests/" + name, "tests/" + name, Files.readAllBytes(p)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
