package gov.rizhao.skills.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import gov.rizhao.skills.common.Text;
import java.io.IOException;

/** Every string of a request, read as Jackson reads it and refused when {@link Text} says so. */
public class SafeStringDeserializer extends StdScalarDeserializer<String> {
  public SafeStringDeserializer() {
    super(String.class);
  }

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    String text = StringDeserializer.instance.deserialize(p, ctxt);
    if (text != null) {
      var problem = Text.problem(text);
      if (problem.isPresent()) {
        throw new RefusedValueException(p, problem.get());
      }
    }
    return text;
  }
}
