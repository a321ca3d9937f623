package gov.rizhao.skills.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import gov.rizhao.skills.common.Dates;
import gov.rizhao.skills.common.Text;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Dates of a request as {@link Dates} reads them: {@code 2019-06-01} exactly, within the contract's
 * range; a date-time, a space or a year of five digits is refused, not read leniently.
 */
public class StrictDateDeserializer extends StdScalarDeserializer<LocalDate> {
  public StrictDateDeserializer() {
    super(LocalDate.class);
  }

  @Override
  public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw new RefusedValueException(p, "must be a date written as a string, such as 2019-06-01");
    }
    String text = p.getText();
    try {
      return Dates.parse(text);
    } catch (DateTimeException e) {
      String shown = Text.problem(text).isPresent() ? "the value" : "'" + text + "'";
      throw new RefusedValueException(p, shown + " " + e.getMessage());
    }
  }
}
