package gov.rizhao.skills.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.jboss.logging.Logger;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;

/**
 * Compiled rulesets on disk, one file per content: the rule files' version, the engine and the fact
 * classes the rules were compiled against. Starting, or reloading to, rules that were built before
 * then reads the compiled packages instead of reading the workbooks and compiling the DRL again.
 * Only a ruleset that built without a problem is ever stored; a file that cannot be read is a miss
 * (the rules are compiled as if it were not there, and it is written anew). Files are written whole
 * and moved into place, so instances sharing the directory never read half of one.
 */
final class RulesetCache {
  private static final Logger LOG = Logger.getLogger(RulesetCache.class);

  /** Changes when what is written changes shape. */
  static final String FORMAT = "skills-rules ruleset cache 1";

  /** Builds kept on disk; older ones (by last use) are deleted when a new one is written. */
  static final int KEEP = 16;

  /** The classes the rules are compiled against, and those that compile them. */
  private static final List<String> CODE =
      List.of("gov/rizhao/skills/facts/", "gov/rizhao/skills/engine/");

  /**
   * What a build keeps: the tables as DRL, the classes the rules declare, and both KieBases'
   * packages.
   */
  record Stored(
      Map<String, TableDrl> tables, Map<String, byte[]> classes, byte[] logic, byte[] catalog)
      implements Serializable {}

  /**
   * A decision table translated to DRL, by the sha-256 of its content, with the sheet that holds
   * it.
   */
  record TableDrl(String drl, String sheet) implements Serializable {}

  private static final ExecutorService WRITER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "ruleset-cache");
            t.setDaemon(true);
            return t;
          });

  private static volatile String codeIdentity;

  private final Path dir;

  private RulesetCache(Path dir) {
    this.dir = dir;
  }

  /**
   * A cache in this directory, or none if the fact classes cannot be read to key it (said once, in
   * the log).
   */
  static Optional<RulesetCache> in(Path dir) {
    try {
      codeIdentity();
      return Optional.of(new RulesetCache(dir));
    } catch (RuntimeException e) {
      LOG.warnf("Compiled rulesets are not cached: %s", e.getMessage());
      return Optional.empty();
    }
  }

  /** The file of a ruleset version, for this engine and these fact classes. */
  Path fileOf(String version) {
    return dir.resolve(
        sha256((version + "\n" + codeIdentity()).getBytes(StandardCharsets.UTF_8)) + ".ruleset");
  }

  /** The stored build of these rule files, if there is one that can be read. */
  Optional<Stored> load(String version) {
    Path file = fileOf(version);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (!FORMAT.equals(in.readUTF())) {
        return Optional.empty();
      }
      Stored stored = (Stored) in.readObject();
      touch(file);
      return Optional.of(stored);
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      LOG.warnf("Ignoring the cached build %s (%s); compiling the rules instead", file, e);
      return Optional.empty();
    }
  }

  /** A KieBase from stored packages, its declared types defined from the stored classes. */
  static InternalKnowledgeBase kieBase(
      String name, Map<String, byte[]> classes, byte[] packages, ClassLoader parent)
      throws IOException, ClassNotFoundException {
    ClassLoader loader =
        ProjectClassLoader.createProjectClassLoader(parent, new java.util.HashMap<>(classes));
    InternalKnowledgeBase base =
        KnowledgeBaseFactory.newKnowledgeBase(
            name, KieServices.Factory.get().newKieBaseConfiguration(null, loader));
    try (ObjectInputStream in =
        new DroolsObjectInputStream(
            new ByteArrayInputStream(packages), base.getRootClassLoader())) {
      @SuppressWarnings("unchecked")
      List<KiePackage> read = (List<KiePackage>) in.readObject();
      base.addPackages(read);
    }
    return base;
  }

  /** The packages of a KieBase, as {@link #kieBase} reads them. */
  static byte[] packages(KieBase base) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    try (ObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
      out.writeObject(new ArrayList<>(base.getKiePackages()));
    } catch (IOException e) {
      throw new IllegalStateException("the ruleset cannot be serialized", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Writes a build in the background (the caller's ruleset is ready without it). The packages are
   * serialized before the ruleset serves a case, so what is written is what was built.
   */
  void store(
      String version,
      Map<String, TableDrl> tables,
      Map<String, byte[]> classes,
      KieBase logic,
      KieBase catalog) {
    Stored stored =
        new Stored(Map.copyOf(tables), Map.copyOf(classes), packages(logic), packages(catalog));
    WRITER.execute(() -> write(fileOf(version), stored));
  }

  /** Waits until every build handed to {@link #store} so far is written (or failed to be). */
  static void awaitWrites() {
    try {
      WRITER.submit(() -> {}).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  private void write(Path file, Stored stored) {
    try {
      Files.createDirectories(dir);
      Path part = Files.createTempFile(dir, ".part-", ".ruleset");
      try (OutputStream raw = Files.newOutputStream(part);
          ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(raw))) {
        out.writeUTF(FORMAT);
        out.writeObject(stored);
      }
      Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      prune();
    } catch (IOException | RuntimeException e) {
      LOG.warnf(
          "The build could not be cached in %s (%s); the next start compiles the rules", dir, e);
    }
  }

  /** Marks a file as just used, so pruning keeps it. */
  private static void touch(Path file) {
    try {
      Files.setLastModifiedTime(
          file, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
    } catch (IOException e) {
      LOG.debugf("Could not mark %s as used: %s", file, e);
    }
  }

  /**
   * Deletes all but the {@link #KEEP} builds used last: every edit an analyst reloads is a new
   * build.
   */
  private void prune() throws IOException {
    List<Path> builds;
    try (Stream<Path> files = Files.list(dir)) {
      builds =
          files
              .filter(
                  p ->
                      p.getFileName().toString().endsWith(".ruleset")
                          && !p.getFileName().toString().startsWith("."))
              .toList();
    }
    if (builds.size() <= KEEP) {
      return;
    }
    Map<Path, Long> used = new java.util.HashMap<>();
    for (Path p : builds) {
      try {
        used.put(p, Files.getLastModifiedTime(p).toMillis());
      } catch (IOException e) {
        used.put(p, 0L); // gone already, or unreadable: first to go
      }
    }
    List<Path> oldestFirst =
        builds.stream().sorted(java.util.Comparator.comparing(used::get)).toList();
    for (Path p : oldestFirst.subList(0, builds.size() - KEEP)) {
      Files.deleteIfExists(p);
    }
  }

  /**
   * The engine's version and the bytes of the fact and engine classes: compiled rules call the
   * facts' methods, and the engine classes decide how rules are compiled, so a build made with
   * other classes is never reused. Computed once per JVM.
   */
  static String codeIdentity() {
    String known = codeIdentity;
    if (known == null) {
      MessageDigest digest = digest();
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
      known = HexFormat.of().formatHex(digest.digest());
      codeIdentity = known;
    }
    return known;
  }

  /**
   * The fact and engine classes as they are on disk, from the jar or directory that holds them; by
   * name.
   */
  private static Map<String, byte[]> codeClasses() {
    Map<String, byte[]> classes = new TreeMap<>();
    CodeSource source =
        gov.rizhao.skills.facts.Application.class.getProtectionDomain().getCodeSource();
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

  /** The classes a KieModule compiled for the rules' declared types. */
  static Map<String, byte[]> classesOf(
      org.drools.compiler.kie.builder.impl.InternalKieModule module) {
    Map<String, byte[]> classes = new TreeMap<>();
    Collection<String> names = module.getFileNames();
    for (String name : names) {
      if (name.endsWith(".class")) {
        classes.put(name, module.getBytes(name));
      }
    }
    return classes;
  }

  static String sha256(byte[] content) {
    return HexFormat.of().formatHex(digest().digest(content));
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
