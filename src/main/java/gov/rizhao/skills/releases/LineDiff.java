package gov.rizhao.skills.releases;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines two texts differ in, from their longest common subsequence: {@code "-12 text"} for a
 * line of the old text (line 12) that is gone, {@code "+14 text"} for one of the new text that is
 * new. Texts too long to compare line by line are summarised.
 */
final class LineDiff {
  /** Most cells of the comparison table: a few thousand lines each way. */
  static final long MAX_CELLS = 16_000_000L;

  private LineDiff() {}

  static List<String> lines(String before, String after) {
    String[] a = before.isEmpty() ? new String[0] : before.split("\n", -1);
    String[] b = after.isEmpty() ? new String[0] : after.split("\n", -1);
    if ((long) a.length * b.length > MAX_CELLS) {
      return List.of("文件过长，逐行比较从略：原 " + a.length + " 行，现 " + b.length + " 行");
    }
    int[][] common = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        common[i][j] =
            a[i].equals(b[j])
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        i++;
        j++;
      } else if (j < b.length && (i == a.length || common[i][j + 1] >= common[i + 1][j])) {
        out.add("+" + (j + 1) + " " + b[j]);
        j++;
      } else {
        out.add("-" + (i + 1) + " " + a[i]);
        i++;
      }
    }
    return out;
  }
}
