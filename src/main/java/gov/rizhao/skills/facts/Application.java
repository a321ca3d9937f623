package gov.rizhao.skills.facts;

import java.time.LocalDate;
import java.util.Set;

/**
 * The case as a whole: who asks, when, for which measures, and the declared facts it sends about
 * itself ({@code attributes}). Which measures a case without a {@code measures} list gets is the
 * ruleset's: those its 措施 sheet marks as evaluated for every case.
 */
public class Application {
  private final String caseId;
  private final LocalDate applicationDate;
  private final Set<String> requestedMeasures;
  private final Attributes attributes;
  private final Set<String> automaticMeasures;

  public Application(String caseId, LocalDate applicationDate, Set<String> requestedMeasures) {
    this(caseId, applicationDate, requestedMeasures, Attributes.NONE, null);
  }

  /**
   * @param automaticMeasures the measures evaluated when no list is given; null for every measure
   */
  public Application(
      String caseId,
      LocalDate applicationDate,
      Set<String> requestedMeasures,
      Attributes attributes,
      Set<String> automaticMeasures) {
    this.caseId = caseId;
    this.applicationDate = applicationDate;
    this.requestedMeasures = Set.copyOf(requestedMeasures);
    this.attributes = attributes;
    this.automaticMeasures = automaticMeasures == null ? null : Set.copyOf(automaticMeasures);
  }

  /** The same case, with the measures a ruleset evaluates when the case names none. */
  public Application evaluatingByDefault(Set<String> measures) {
    return new Application(caseId, applicationDate, requestedMeasures, attributes, measures);
  }

  /** The declared facts the case sends about itself ({@code attributes}). */
  public Attributes getAttributes() {
    return attributes;
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

  /**
   * True when the measure is to be evaluated: asked for by name or, when no list was given, one the
   * rules evaluate for every case.
   */
  public boolean wants(String measure) {
    return requestedMeasures.isEmpty()
        ? automaticMeasures == null || automaticMeasures.contains(measure)
        : requestedMeasures.contains(measure);
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
