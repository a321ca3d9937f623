package gov.rizhao.skills.common;

import java.text.Normalizer;

/**
 * Ids as the service compares them: Unicode NFC, without whitespace or invisible format characters
 * (a zero-width space, a byte-order mark) at either end. {@code P-7} and {@code P-7} followed by a
 * zero-width space are one person; an id of nothing but such characters is no id.
 */
public final class Ids {
  private Ids() {}

  /** The id as compared, or null when nothing is left. */
  public static String normalize(String id) {
    if (id == null) {
      return null;
    }
    String nfc = Normalizer.normalize(id, Normalizer.Form.NFC);
    int start = 0;
    int end = nfc.length();
    while (start < end && ignorable(nfc.codePointAt(start))) {
      start += Character.charCount(nfc.codePointAt(start));
    }
    while (end > start && ignorable(nfc.codePointBefore(end))) {
      end -= Character.charCount(nfc.codePointBefore(end));
    }
    return start == end ? null : nfc.substring(start, end);
  }

  private static boolean ignorable(int codePoint) {
    return Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint)
        || Character.getType(codePoint) == Character.FORMAT;
  }
}
