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

  private static Path part(Path target, String content) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    Path part = Files.createTempFile(target.toAbsolutePath().getParent(), ".", ".part");
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-------"));
    }
    Files.writeString(part, content, StandardCharsets.UTF_8);
    return part;
  }
}
