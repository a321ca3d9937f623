package gov.rizhao.skills.engine.build;

import gov.rizhao.skills.common.Digests;
import gov.rizhao.skills.facts.Application;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.kie.api.KieServices;

/**
 * The engine's version and the bytes of the fact and engine classes: compiled rules call the facts'
 * methods, and the engine classes decide how rules are compiled, so a build made with other classes
 * is never reused.
 */
final class CodeIdentity {
  /** The classes the rules are compiled against, and those that compile them. */
  private static final List<String> CODE =
      List.of("gov/rizhao/skills/facts/", "gov/rizhao/skills/engine/");

  private CodeIdentity() {}

  /**
   * The identity, as hex.
   *
   * @throws IllegalStateException when the classes cannot be read
   */
  static String compute() {
    MessageDigest digest = Digests.sha256();
    digest.update(
        String.valueOf(KieServices.class.getPackage().getImplementationVersion())
            .getBytes(StandardCharsets.UTF_8));
    digest.update(String.valueOf(Runtime.version().feature()).getBytes(StandardCharsets.UTF_8));
    codeClasses()
        .forEach(
            (name, bytes) -> {
              digest.update(name.getBytes(StandardCharsets.UTF_8));
              digest.update(bytes);
            });
    return Digests.hex(digest.digest());
  }

  /**
   * The fact and engine classes as they are on disk, from the jar or directory that holds them; by
   * name.
   */
  private static Map<String, byte[]> codeClasses() {
    Map<String, byte[]> classes = new TreeMap<>();
    CodeSource source = Application.class.getProtectionDomain().getCodeSource();
    try {
      Path location = Path.of(source.getLocation().toURI());
      if (Files.isDirectory(location)) {
        for (String prefix : CODE) {
          try (Stream<Path> walk = Files.walk(location.resolve(prefix))) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
              classes.put(
                  location.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
          }
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
            if (!e.isDirectory() && CODE.stream().anyMatch(e.getName()::startsWith)) {
              try (InputStream in = jar.getInputStream(e)) {
                classes.put(e.getName(), in.readAllBytes());
              }
            }
          }
        }
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      throw new IllegalStateException(
          "the fact and engine classes cannot be read to key the ruleset cache", e);
    }
    if (classes.isEmpty()) {
      throw new IllegalStateException(
          "no fact or engine classes found under " + source.getLocation());
    }
    return classes;
  }
}
