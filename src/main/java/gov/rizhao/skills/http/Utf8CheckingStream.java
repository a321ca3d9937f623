package gov.rizhao.skills.http;

import gov.rizhao.skills.problem.MalformedTextException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a body through while checking it is well-formed UTF-8 as RFC 3629 defines it: no overlong
 * forms (a NUL or a slash in two bytes), no encoded surrogates, nothing above U+10FFFF, no sequence
 * cut short. A decoder that is lenient about these would let a forbidden character through in
 * disguise.
 */
final class Utf8CheckingStream extends FilterInputStream {
  /** Continuation bytes still expected. */
  private int pending;

  /** The allowed range of the next continuation byte (narrower after E0, ED, F0, F4). */
  private int low = 0x80;

  private int high = 0xBF;
  private long offset;

  Utf8CheckingStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      end();
    } else {
      check(b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int from, int length) throws IOException {
    int n = super.read(buffer, from, length);
    if (n < 0) {
      end();
      return n;
    }
    for (int i = from; i < from + n; i++) {
      check(buffer[i] & 0xFF);
    }
    return n;
  }

  private void check(int b) throws MalformedTextException {
    if (pending > 0) {
      if (b < low || b > high) {
        throw malformed();
      }
      pending--;
      low = 0x80;
      high = 0xBF;
    } else if (b >= 0x80) {
      lead(b);
    }
    offset++;
  }

  private void lead(int b) throws MalformedTextException {
    if (b >= 0xC2 && b <= 0xDF) {
      pending = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      pending = 2;
      if (b == 0xE0) {
        low = 0xA0;
      } else if (b == 0xED) {
        high = 0x9F;
      }
    } else if (b >= 0xF0 && b <= 0xF4) {
      pending = 3;
      if (b == 0xF0) {
        low = 0x90;
      } else if (b == 0xF4) {
        high = 0x8F;
      }
    } else {
      throw malformed();
    }
  }

  private void end() throws MalformedTextException {
    if (pending > 0) {
      throw malformed();
    }
  }

  private MalformedTextException malformed() {
    return new MalformedTextException(
        offset, "The body is not well-formed UTF-8 (at byte " + offset + ").");
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
