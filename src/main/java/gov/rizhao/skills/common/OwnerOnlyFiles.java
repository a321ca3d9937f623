package gov.rizhao.skills.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files that hold secrets: created readable and writable by their owner only, then moved into place
 * whole.
 */
public final class OwnerOnlyFiles {
  private OwnerOnlyFiles() {}

  public static void write(Path target, String content) throws IOException {
    Path part = part(target, content);
    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Writes the file unless it exists, whole or not at all, even when several processes try at once
   * (instances sharing a data directory): false when another was there first.
   */
  public static boolean createIfAbsent(Path target, String content) throws IOException {
    Path part = part(target, content);
    try {
      Files.createLink(target, part);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } finally {
      Files.deleteIfExists(part);
    }
  }

  /**
   * Creates the directory if it is missing, and makes it readable, writable and searchable by its
   * owner only when this process owns it (a directory given by an administrator, owned by another
   * account, is left as it is).
   */
  public static void restrict(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        && Files.getOwner(dir).getName().equals(System.getProperty("user.name"))) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }

  private static Path part(Path target, String content) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    if (!Files.isDirectory(parent)) {
      Files.createDirectories(parent);
      restrict(parent);
    }
    Path part = Files.createTempFile(target.toAbsolutePath().getParent(), ".", ".part");
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-------"));
    }
    Files.writeString(part, content, StandardCharsets.UTF_8);
    return part;
  }
}
