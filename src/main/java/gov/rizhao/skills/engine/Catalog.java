package gov.rizhao.skills.engine;

import gov.rizhao.skills.facts.MeasureInfo;
import gov.rizhao.skills.facts.Parameter;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the workbooks declare: the measures, and the parameter rows by lookup key (the key, and the
 * member for a list or table row), each key's rows in order of validity.
 */
public record Catalog(List<MeasureInfo> measures, Map<String, List<Parameter>> parameters)
    implements Serializable {

  public Catalog {
    measures = List.copyOf(measures);
    parameters = Map.copyOf(parameters);
  }

  /** Every parameter row, all validities, in the order of their ids. */
  public List<Parameter> allParameters() {
    return parameters.values().stream()
        .flatMap(List::stream)
        .sorted(Comparator.comparing(Parameter::getId))
        .toList();
  }
}
