package gov.rizhao.skills.engine;

import gov.rizhao.skills.common.Digests;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * A rule file: its name as analysts see it ({@code rules/m06-technical-expert.drl.xlsx}), its path
 * below the rules directory, and its content.
 */
public record RuleFile(String name, String relativeName, byte[] content) implements Serializable {

  /** Parameter workbooks: the measure's parameter table. */
  public static final String TABLE_SUFFIX = ".drl.xlsx";

  /** Rule logic. */
  public static final String DRL_SUFFIX = ".drl";

  /**
   * A file stored under its full name: the part after the first '/' is its path below the rules
   * directory.
   */
  public static RuleFile named(String name, byte[] content) {
    int slash = name.indexOf('/');
    return new RuleFile(name, slash < 0 ? name : name.substring(slash + 1), content);
  }

  public boolean isTable() {
    return name.endsWith(TABLE_SUFFIX);
  }

  public boolean isDrl() {
    return name.endsWith(DRL_SUFFIX);
  }

  /** The content as text (DRL files are UTF-8). */
  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  /** What {@link #versionOf} gives: {@code sha256:} and 64 hexadecimal digits. */
  public static boolean isVersion(String text) {
    return text != null && text.matches("sha256:[0-9a-f]{64}");
  }

  /**
   * {@code sha256:} of the files' names and contents, in the order given: equal rule files, equal
   * version.
   */
  public static String versionOf(List<RuleFile> files) {
    MessageDigest digest = Digests.sha256();
    for (RuleFile f : files) {
      digest.update(f.name().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(f.content());
      digest.update((byte) 0);
    }
    return "sha256:" + Digests.hex(digest.digest());
  }
}
