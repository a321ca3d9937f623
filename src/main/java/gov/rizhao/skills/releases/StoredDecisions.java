package gov.rizhao.skills.releases;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The decisions a stored case was given, read from its stored evaluation without building it:
 * measure, subject, outcome and amount of each, the traces skipped unread.
 */
final class StoredDecisions {
  private static final JsonFactory JSON = new JsonFactory();

  /** One decision as recorded. */
  record Outcome(String measure, String subject, String outcome, BigDecimal amount) {
    String key() {
      return measure + " " + subject;
    }
  }

  private StoredDecisions() {}

  static List<Outcome> read(String evaluation) {
    List<Outcome> out = new ArrayList<>();
    try (JsonParser p = JSON.createParser(evaluation)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return out;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("decisions") && p.currentToken() == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            out.add(decision(p));
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Outcome decision(JsonParser p) throws IOException {
    String measure = null;
    String subject = null;
    String outcome = null;
    BigDecimal amount = BigDecimal.ZERO;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "measure" -> measure = p.getText();
        case "subject" -> subject = p.getText();
        case "outcome" -> outcome = p.getText();
        case "amount" -> amount = p.getDecimalValue();
        default -> p.skipChildren();
      }
    }
    return new Outcome(measure, subject, outcome, amount);
  }
}
