package gov.rizhao.skills.http;

import gov.rizhao.skills.problem.InvalidInputException;

/** Page numbers and sizes of a query, as whole numbers within bounds (400 naming it otherwise). */
public final class QueryNumbers {
  private QueryNumbers() {}

  public static int number(String name, String text, int absent, int min, int max) {
    if (text == null) {
      return absent;
    }
    String digits = text.strip();
    if (digits.matches("0|[1-9][0-9]{0,8}")) {
      int n = Integer.parseInt(digits);
      if (n >= min && n <= max) {
        return n;
      }
    }
    throw InvalidInputException.at(name, "is not a whole number from " + min + " to " + max);
  }
}
