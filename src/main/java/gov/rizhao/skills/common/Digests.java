package gov.rizhao.skills.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the one digest of the service: rule file versions, cache keys, stored payloads. */
public final class Digests {
  private Digests() {}

  /** A fresh SHA-256 digest, to feed in parts. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The digest of the bytes, in lower-case hex. */
  public static String sha256Hex(byte[] content) {
    return hex(sha256().digest(content));
  }

  /** The digest of the text's UTF-8 bytes, in lower-case hex. */
  public static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A finished digest in lower-case hex. */
  public static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }
}
