package gov.rizhao.skills.engine;

import gov.rizhao.skills.facts.FactDeclaration;
import gov.rizhao.skills.facts.MeasureInfo;
import gov.rizhao.skills.facts.Parameter;
import gov.rizhao.skills.facts.PolicyDocument;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the workbooks declare: the measures, the parameter rows by lookup key (the key, and the
 * member for a list or table row), each key's rows in order of validity, the policy documents
 * measures and rows rest on, and the facts (attributes) a case may send.
 */
public record Catalog(
    List<MeasureInfo> measures,
    Map<String, List<Parameter>> parameters,
    List<PolicyDocument> documents,
    List<FactDeclaration> facts)
    implements Serializable {

  public Catalog {
    measures = List.copyOf(measures);
    parameters = Map.copyOf(parameters);
    documents = List.copyOf(documents);
    facts = List.copyOf(facts);
  }

  /** A catalog of measures and parameters alone (rules written before documents and facts). */
  public Catalog(List<MeasureInfo> measures, Map<String, List<Parameter>> parameters) {
    this(measures, parameters, List.of(), List.of());
  }

  /** Every parameter row, all validities, in the order of their ids. */
  public List<Parameter> allParameters() {
    return parameters.values().stream()
        .flatMap(List::stream)
        .sorted(Comparator.comparing(Parameter::getId))
        .toList();
  }
}
