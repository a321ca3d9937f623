package gov.rizhao.skills.engine.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import gov.rizhao.skills.facts.MeasureInfo;
import gov.rizhao.skills.facts.Parameter;
import java.time.LocalDate;
import java.util.List;

/** A measure as the rules declare it, with the parameters in force on the date asked for. */
public record MeasureView(
    String id,
    String name,
    Citation citation,
    String source,
    String location,
    LocalDate asOf,
    List<ParameterView> parameters) {

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

  static MeasureView of(MeasureInfo m, LocalDate asOf, List<Parameter> parameters) {
    return new MeasureView(
        m.getId(),
        m.getName(),
        new Citation(m.getDocument(), m.getArticle(), m.getText()),
        m.getSource(),
        m.getLocation(),
        asOf,
        parameters.stream()
            .filter(p -> p.getMeasure().equals(m.getId()) && p.inForceOn(asOf))
            .map(ParameterView::of)
            .toList());
  }
}
