package gov.rizhao.skills.engine.build;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Measures what a workbook (a zip) really unpacks to, by unpacking it into nothing and stopping at
 * the limit: the sizes a zip declares can lie, the bytes inflated cannot.
 */
final class WorkbookZip {
  /**
   * Most bytes a workbook may unpack to, all parts together (a real parameter workbook unpacks to
   * about 40 KB): a workbook that unpacks to more is refused before it is parsed, so a zip bomb
   * costs a bounded read and nothing more.
   */
  static final long MAX_UNPACKED_BYTES = 16L << 20;

  /** Most parts in a workbook's zip (a real one has about 20). */
  static final int MAX_PARTS = 200;

  private WorkbookZip() {}

  /** Why the workbook is refused for its size unpacked, or empty when it is within the limits. */
  static Optional<String> tooBig(byte[] workbook) {
    long maxUnpacked = MAX_UNPACKED_BYTES;
    int maxParts = MAX_PARTS;
    byte[] buffer = new byte[64 << 10];
    long total = 0;
    int parts = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(workbook))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (++parts > maxParts) {
          return Optional.of("工作簿的组成部分过多（超过 " + maxParts + " 个）：参数表只应含数据");
        }
        for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
          total += n;
          if (total > maxUnpacked) {
            return Optional.of(
                "工作簿解压后过大（超过 " + (maxUnpacked >> 20) + " MiB；正常的参数表约 40 KB）：可能含大量空行或格式，请只保留数据后另存");
          }
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // Not a zip, or a damaged one: the workbook reader says so in its own words.
      return Optional.empty();
    }
    return Optional.empty();
  }
}
