package gov.rizhao.skills.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    Files.createDirectories(target.toAbsolutePath().getParent());
    Path part = target.resolveSibling("." + target.getFileName() + ".part");
    Files.deleteIfExists(part);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          part, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(part);
    }
    Files.writeString(part, content, StandardCharsets.UTF_8);
    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
