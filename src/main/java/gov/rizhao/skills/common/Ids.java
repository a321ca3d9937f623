package gov.rizhao.skills.common;

import java.text.Normalizer;

/**
 * Ids as the service accepts and compares them: 1 to 100 characters of a safe set (ASCII letters
 * and digits, Latin letters with accents, CJK ideographs; after the first also combining accents
 * and {@code . _ : - ( )} with the full-width （）〔〕), taken in Unicode NFC, so a decomposed é is é.
 * Nothing in the set means anything in a URL path: every id can be asked for at {@code
 * /cases/{caseId}}.
 */
public final class Ids {
  private static final String LETTER =
      "0-9A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u3400-\\u4DBF\\u4E00-\\u9FFF";

  /** The set, as a regular expression Java and the OpenAPI document (ECMA 262) read alike. */
  public static final String PATTERN =
      "^[" + LETTER + "][" + LETTER + "\\u0300-\\u036F._:()\\uFF08\\uFF09\\u3014\\u3015-]{0,99}$";

  /** What a caller is told when an id is outside the set. */
  public static final String RULE =
      "must be 1 to 100 letters, digits or CJK ideographs, with . _ : - ( ) （ ） 〔 〕 after the"
          + " first (no spaces or other punctuation)";

  private Ids() {}

  /** The id in Unicode NFC; null stays null. */
  public static String normalize(String id) {
    return id == null ? null : Normalizer.normalize(id, Normalizer.Form.NFC);
  }
}
