package gov.rizhao.skills.engine.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.facts.MeasureInfo;
import gov.rizhao.skills.facts.Parameter;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A measure as the rules declare it, with the parameters in force on the date asked for. */
public record MeasureView(
    String id,
    String name,
    Citation citation,
    String source,
    String location,
    LocalDate asOf,
    List<ParameterView> parameters,
    String evaluation,
    boolean inForce,
    List<DocumentView> documents) {

  /** Evaluated for every case whose facts the measure reads (评估方式 自动). */
  public static final String AUTOMATIC = "AUTOMATIC";

  /** Evaluated only for a case that names the measure in {@code measures} (评估方式 点名). */
  public static final String ON_REQUEST = "ON_REQUEST";

  public record Citation(String document, String article, String text) {}

  /**
   * A parameter row: its value as written, unit, validity, the policy sentence it rests on and
   * where it is.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ParameterView(
      String id,
      String key,
      String item,
      String value,
      String unit,
      String description,
      LocalDate validFrom,
      LocalDate validTo,
      String quote,
      String article,
      String document,
      String source,
      String location) {

    static ParameterView of(Parameter p) {
      return new ParameterView(
          p.getId(),
          p.getKey(),
          p.getItem(),
          p.getValue(),
          p.getUnit().symbol(),
          p.getDescription(),
          p.getValidFrom(),
          p.getValidTo(),
          p.getQuote(),
          p.getArticle(),
          p.getDocument(),
          p.getSource(),
          p.getLocation());
    }
  }

  /**
   * The measure on a date: its parameters in force, whether its document is in force, and every
   * document it and those values rest on.
   */
  static MeasureView of(MeasureInfo m, LocalDate asOf, Ruleset ruleset) {
    List<ParameterView> parameters =
        ruleset.allParameters().stream()
            .filter(p -> p.getMeasure().equals(m.getId()) && p.inForceOn(asOf))
            .map(ParameterView::of)
            .toList();
    Set<String> numbers = new LinkedHashSet<>();
    numbers.add(m.getDocument());
    parameters.forEach(p -> numbers.add(p.document()));
    List<DocumentView> documents =
        ruleset.documents().stream()
            .filter(d -> numbers.contains(d.getNumber()))
            .map(DocumentView::of)
            .toList();
    return new MeasureView(
        m.getId(),
        m.getName(),
        new Citation(m.getDocument(), m.getArticle(), m.getText()),
        m.getSource(),
        m.getLocation(),
        asOf,
        parameters,
        m.isAutomatic() ? AUTOMATIC : ON_REQUEST,
        ruleset.documentOf(m.getId()).map(d -> d.inForceOn(asOf)).orElse(true),
        documents);
  }
}
