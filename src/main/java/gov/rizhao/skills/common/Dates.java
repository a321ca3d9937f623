package gov.rizhao.skills.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Dates as the contract writes them: {@code yyyy-MM-dd} exactly (no spaces, no time, no sign), a
 * real calendar day, from {@link #MIN} to {@link #MAX}.
 */
public final class Dates {
  /** The earliest date the contract accepts. */
  public static final LocalDate MIN = LocalDate.of(1949, 1, 1);

  /** The latest date the contract accepts. */
  public static final LocalDate MAX = LocalDate.of(2999, 12, 31);

  private static final Pattern SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final DateTimeFormatter STRICT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  private Dates() {}

  /**
   * The date the text names.
   *
   * @throws DateTimeException with a message for the caller when it is not a date of the contract
   */
  public static LocalDate parse(String text) {
    if (text == null || !SHAPE.matcher(text).matches()) {
      throw new DateTimeException("is not a date written as 2019-06-01");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text, STRICT);
    } catch (DateTimeException e) {
      throw new DateTimeException("is not a day of the calendar");
    }
    if (date.isBefore(MIN) || date.isAfter(MAX)) {
      throw new DateTimeException("must be from " + MIN + " to " + MAX);
    }
    return date;
  }
}
