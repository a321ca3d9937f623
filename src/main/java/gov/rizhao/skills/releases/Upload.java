package gov.rizhao.skills.releases;

import gov.rizhao.skills.engine.RuleFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files an analyst uploads, read safely: a workbook ({@code .drl.xlsx}), a DRL file ({@code
 * .drl}), a scenario file ({@code tests/*.yaml}) or a zip of several; names are plain paths below
 * the rules directory, never outside it, and a zip is unpacked within bounds.
 */
public final class Upload {
  /** A file as uploaded: its path below the rules directory, and its bytes. */
  public record Part(String path, byte[] content) {
    public boolean isScenario() {
      return path.startsWith("tests/");
    }
  }

  /** Most bytes a zip may unpack to, and most files in it. */
  public static final long MAX_UNPACKED = 32L << 20;

  static final int MAX_FILES = 200;

  private static final Pattern PATH =
      Pattern.compile("(tests/)?[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,150}");

  private Upload() {}

  /** The parts of one uploaded file: itself, or what its zip holds. */
  public static List<Part> read(String fileName, byte[] content) {
    String name = fileName == null ? "" : fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    if (name.toLowerCase().endsWith(".zip")) {
      return unzip(name, content);
    }
    return List.of(
        part(name.endsWith(".yaml") || name.endsWith(".yml") ? "tests/" + name : name, content));
  }

  private static List<Part> unzip(String zipName, byte[] content) {
    List<Part> parts = new ArrayList<>();
    long total = 0;
    byte[] buffer = new byte[64 << 10];
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.isDirectory()) {
          continue;
        }
        if (parts.size() >= MAX_FILES) {
          throw ReleaseException.badUpload(
              zipName + " 中的文件过多（至多 " + MAX_FILES + " 个）（too many files in the zip）");
        }
        String path = e.getName().replace('\\', '/');
        // A zip made of the rules folder itself: its files are below "rules/".
        if (path.startsWith("rules/")) {
          path = path.substring("rules/".length());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
          total += n;
          if (total > MAX_UNPACKED) {
            throw ReleaseException.badUpload(
                zipName + " 解压后超过 " + (MAX_UNPACKED >> 20) + " MiB（the zip unpacks to too much）");
          }
          out.write(buffer, 0, n);
        }
        if (path.contains("..") || path.startsWith("/") || path.contains(":")) {
          throw ReleaseException.badUpload(
              zipName + " 中的“" + path + "”不可用：指向规则目录之外（a path outside the rules directory）");
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (path.startsWith("__MACOSX/") || last.startsWith(".") || last.endsWith(".md")) {
          continue;
        }
        parts.add(part(path, out.toByteArray()));
      }
    } catch (IOException | IllegalArgumentException e) {
      throw ReleaseException.badUpload(
          zipName + " 不是有效的 zip 文件（not a valid zip）：" + e.getMessage());
    }
    if (parts.isEmpty()) {
      throw ReleaseException.badUpload(zipName + " 中没有规则文件（no rule files in the zip）");
    }
    return parts;
  }

  private static Part part(String path, byte[] content) {
    if (!PATH.matcher(path).matches() || path.contains("..")) {
      throw ReleaseException.badUpload(
          "文件名“"
              + path
              + "”不可用：只能是规则目录中的文件名，或 tests/ 下的情景文件（a file name below the rules directory)");
    }
    boolean scenario = path.startsWith("tests/");
    boolean known =
        scenario
            ? path.endsWith(".yaml") || path.endsWith(".yml")
            : path.endsWith(RuleFile.TABLE_SUFFIX) || path.endsWith(RuleFile.DRL_SUFFIX);
    if (!known) {
      throw ReleaseException.badUpload(
          "“"
              + path
              + "”不是规则文件：只接受参数表（.drl.xlsx）、规则（.drl）、情景（tests/*.yaml）或它们的 zip"
              + "（not a workbook, DRL file, scenario file or zip of them）");
    }
    return new Part(path, content);
  }
}
