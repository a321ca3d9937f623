package gov.rizhao.skills.facts;

import java.time.LocalDate;
import java.util.Set;

/** The case as a whole: who asks, when, and for which measures. */
public class Application {
  private final String caseId;
  private final LocalDate applicationDate;
  private final Set<String> requestedMeasures;

  public Application(String caseId, LocalDate applicationDate, Set<String> requestedMeasures) {
    this.caseId = caseId;
    this.applicationDate = applicationDate;
    this.requestedMeasures = Set.copyOf(requestedMeasures);
  }

  public String getCaseId() {
    return caseId;
  }

  public LocalDate getApplicationDate() {
    return applicationDate;
  }

  /** The calendar year of the application: the year of yearly quotas and caps. */
  public int getYear() {
    return applicationDate.getYear();
  }

  /** True when the measure is to be evaluated: asked for by name, or no list was given. */
  public boolean wants(String measure) {
    return requestedMeasures.isEmpty() || requestedMeasures.contains(measure);
  }

  /** True when the caller named this measure in {@code measures}. */
  public boolean asked(String measure) {
    return requestedMeasures.contains(measure);
  }

  /** True when the application is dated before the given date. */
  public boolean before(LocalDate date) {
    return date != null && applicationDate.isBefore(date);
  }

  /** True when the given date lies after the application date (a fact from the future). */
  public boolean precedes(LocalDate date) {
    return date != null && date.isAfter(applicationDate);
  }
}
