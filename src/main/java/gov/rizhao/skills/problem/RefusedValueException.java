package gov.rizhao.skills.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A value read from JSON that the contract refuses (text with a control character, a date out of
 * range): its message is for the caller, and the path to the field is added as it is read.
 */
public class RefusedValueException extends JsonMappingException {
  public RefusedValueException(JsonParser parser, String message) {
    super(parser, message);
  }
}
