package gov.rizhao.skills.engine.build;

import gov.rizhao.skills.common.Digests;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Compiled rulesets on disk, one file per content: the rule files' version, the engine and the fact
 * classes the rules were compiled against. Starting, or reloading to, rules that were built before
 * then reads the compiled packages instead of reading the workbooks and compiling the DRL again.
 * Only a build that passed every check is stored; a file that cannot be read is a miss. Files are
 * written whole and moved into place, so instances sharing the directory never read half of one. A
 * small file names the version last made active here: a start whose rule files do not build serves
 * that one.
 */
final class RulesetCache {
  private static final Logger LOG = Logger.getLogger(RulesetCache.class);

  /** Changes when what is written changes shape. */
  static final String FORMAT = "skills-rules ruleset cache 2";

  /** Builds kept on disk; older ones (by last use) are deleted when a new one is written. */
  static final int KEEP = 16;

  private static final String SUFFIX = ".ruleset";
  private static final String ACTIVE = "active-version";

  private final Path dir;
  private final String codeIdentity;
  private final ExecutorService writer;

  private RulesetCache(Path dir, String codeIdentity) {
    this.dir = dir;
    this.codeIdentity = codeIdentity;
    this.writer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "ruleset-cache");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * A cache in this directory, or none if the fact classes cannot be read to key it (said once, in
   * the log).
   */
  static Optional<RulesetCache> in(Path dir) {
    try {
      return Optional.of(new RulesetCache(dir, CodeIdentity.compute()));
    } catch (RuntimeException e) {
      LOG.warnf("Compiled rulesets are not cached: %s", e.getMessage());
      return Optional.empty();
    }
  }

  /** The file of a ruleset version, for this engine and these fact classes. */
  Path fileOf(String version) {
    return dir.resolve(Digests.sha256Hex(version + "\n" + codeIdentity) + SUFFIX);
  }

  /** The stored build of a version, if there is one that can be read. */
  Optional<StoredBuild> load(String version) {
    Path file = fileOf(version);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (!FORMAT.equals(in.readUTF())) {
        return Optional.empty();
      }
      StoredBuild stored = (StoredBuild) in.readObject();
      if (!stored.version().equals(version)) {
        return Optional.empty();
      }
      touch(file);
      return Optional.of(stored);
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      LOG.warnf("Ignoring the cached build %s (%s); compiling the rules instead", file, e);
      return Optional.empty();
    }
  }

  /** Writes a build in the background: the caller's ruleset is ready without it. */
  void store(StoredBuild stored) {
    writer.execute(() -> write(stored));
  }

  /** Remembers the version as the one active here (in the background, after any pending store). */
  void markActive(String version) {
    writer.execute(
        () -> writeAtomically(dir.resolve(ACTIVE), version.getBytes(StandardCharsets.UTF_8)));
  }

  /** The build last marked active here, if it is stored and readable. */
  Optional<StoredBuild> active() {
    try {
      Path pointer = dir.resolve(ACTIVE);
      if (!Files.isRegularFile(pointer)) {
        return Optional.empty();
      }
      return load(Files.readString(pointer, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      LOG.warnf("The version last active cannot be read from %s: %s", dir, e);
      return Optional.empty();
    }
  }

  /** Waits until every write handed over so far is done (or failed). */
  void awaitWrites() {
    try {
      writer.submit(() -> {}).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  private void write(StoredBuild stored) {
    Path file = fileOf(stored.version());
    try {
      Files.createDirectories(dir);
      Path part = Files.createTempFile(dir, ".part-", SUFFIX);
      try (OutputStream raw = Files.newOutputStream(part);
          ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(raw))) {
        out.writeUTF(FORMAT);
        out.writeObject(stored);
      }
      Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      prune(file);
    } catch (IOException | RuntimeException e) {
      LOG.warnf(
          "The build could not be cached in %s (%s); the next start compiles the rules", dir, e);
    }
  }

  private void writeAtomically(Path target, byte[] content) {
    try {
      Files.createDirectories(dir);
      Path part = Files.createTempFile(dir, ".part-", ".tmp");
      Files.write(part, content);
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      LOG.warnf("Could not write %s (%s)", target, e);
    }
  }

  /** Marks a file as just used, so pruning keeps it. */
  private static void touch(Path file) {
    try {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    } catch (IOException e) {
      LOG.debugf("Could not mark %s as used: %s", file, e);
    }
  }

  /**
   * Deletes all but the {@link #KEEP} builds used last (never the one just written, nor the active
   * one).
   */
  private void prune(Path keep) throws IOException {
    Path pointer = dir.resolve(ACTIVE);
    Path active =
        Files.isRegularFile(pointer)
            ? fileOf(Files.readString(pointer, StandardCharsets.UTF_8).strip())
            : null;
    List<Path> builds;
    try (Stream<Path> files = Files.list(dir)) {
      builds =
          files
              .filter(p -> p.getFileName().toString().endsWith(SUFFIX))
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .filter(p -> !p.equals(keep) && !p.equals(active))
              .toList();
    }
    boolean activeKept = active != null && !active.equals(keep) && Files.isRegularFile(active);
    int room = KEEP - 1 - (activeKept ? 1 : 0);
    if (builds.size() <= room) {
      return;
    }
    Map<Path, Long> used = new HashMap<>();
    for (Path p : builds) {
      try {
        used.put(p, Files.getLastModifiedTime(p).toMillis());
      } catch (IOException e) {
        used.put(p, 0L); // gone already, or unreadable: first to go
      }
    }
    List<Path> oldestFirst = builds.stream().sorted(Comparator.comparing(used::get)).toList();
    for (Path p : oldestFirst.subList(0, builds.size() - room)) {
      Files.deleteIfExists(p);
    }
  }
}
