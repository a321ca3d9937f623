package gov.rizhao.skills.common;

import java.util.Optional;

/**
 * Text the service accepts in any field: no control characters (NUL, line breaks, escape, …), no
 * bidirectional overrides that make a name display other than it is, and no half of a UTF-16
 * surrogate pair. Ill-formed UTF-8 is refused before the text is read at all.
 */
public final class Text {
  private Text() {}

  /** What is wrong with the text, or empty when it is acceptable. */
  public static Optional<String> problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return Optional.of("has half of a surrogate pair at position " + i);
      }
      if (Character.isLowSurrogate(c)) {
        return Optional.of("has half of a surrogate pair at position " + i);
      }
      if (Character.isISOControl(c)) {
        return Optional.of("has the control character U+%04X at position %d".formatted((int) c, i));
      }
      if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
        return Optional.of(
            "has the bidirectional control U+%04X at position %d".formatted((int) c, i));
      }
    }
    return Optional.empty();
  }
}
