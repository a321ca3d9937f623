package gov.rizhao.skills.engine.build;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Known names nearest to a misspelt one, for a problem that says what was probably meant. */
final class Nearest {
  private Nearest() {}

  /** {@code （相近的：M06.award、…）}, or an empty string when nothing known is close. */
  static String suggest(String name, Collection<String> known) {
    List<String> near = names(name, known, 3);
    return near.isEmpty() ? "" : "（相近的：" + String.join("、", near) + "）";
  }

  /** Up to {@code max} known names within a few edits of {@code name}, nearest first. */
  static List<String> names(String name, Collection<String> known, int max) {
    int limit = Math.max(2, name.length() / 3);
    return known.stream()
        .distinct()
        .filter(k -> distance(name, k) <= limit)
        .sorted(Comparator.comparingInt((String k) -> distance(name, k)).thenComparing(k -> k))
        .limit(max)
        .toList();
  }

  /** Edits between two names (insert, delete, replace, swap two neighbours), case-insensitive. */
  static int distance(String a, String b) {
    String x = a.toLowerCase();
    String y = b.toLowerCase();
    int[][] d = new int[x.length() + 1][y.length() + 1];
    for (int i = 0; i <= x.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= y.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      for (int j = 1; j <= y.length(); j++) {
        int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        boolean swapped =
            i > 1
                && j > 1
                && x.charAt(i - 1) == y.charAt(j - 2)
                && x.charAt(i - 2) == y.charAt(j - 1);
        if (swapped) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[x.length()][y.length()];
  }
}
