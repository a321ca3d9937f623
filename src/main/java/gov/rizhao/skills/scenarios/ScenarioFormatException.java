package gov.rizhao.skills.scenarios;

/**
 * A scenario file that does not follow the format: a misspelt key must never silently test nothing.
 */
public class ScenarioFormatException extends RuntimeException {
  public ScenarioFormatException(String message) {
    super(message);
  }
}
