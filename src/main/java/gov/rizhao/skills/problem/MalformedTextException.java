package gov.rizhao.skills.problem;

import java.io.CharConversionException;

/**
 * A body that is not well-formed UTF-8 (an overlong form, an encoded surrogate, a byte that starts
 * nothing): refused before any of it is read as text.
 */
public class MalformedTextException extends CharConversionException {
  private final long offset;

  public MalformedTextException(long offset, String message) {
    super(message);
    this.offset = offset;
  }

  public long offset() {
    return offset;
  }
}
