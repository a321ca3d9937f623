package gov.rizhao.skills.engine;

import gov.rizhao.skills.facts.AttributeSubject;
import gov.rizhao.skills.facts.FactDeclaration;
import gov.rizhao.skills.facts.MeasureInfo;
import gov.rizhao.skills.facts.Parameter;
import gov.rizhao.skills.facts.ParameterView;
import gov.rizhao.skills.facts.PolicyDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kie.api.KieBase;

/**
 * One built version of the rules: the KieBase of the logic, the measures and parameters its
 * workbooks declare, and where each rule and row is written. Immutable; a new version is built and
 * swapped in. Evaluations hold it through a lease ({@link RulesetRegistry}), so it is disposed only
 * after its last user.
 */
public final class Ruleset {
  private final String version;
  private final KieBase kieBase;
  private final SessionPool sessions;
  private final Runnable release;
  private final Catalog catalog;
  private final Map<String, MeasureInfo> measuresById;
  private final Map<String, Parameter> parametersById;
  private final Map<String, PolicyDocument> documentsById;
  private final Map<String, PolicyDocument> documentsByMeasure;
  private final Map<String, FactDeclaration> factsByField;
  private final Set<String> automaticMeasures;
  private final Map<String, RuleLocation> locations;
  private final List<RuleFile> files;
  private final long buildMillis;
  private final String buildPhases;
  private final Instant builtAt = Instant.now();

  public Ruleset(
      String version,
      KieBase kieBase,
      SessionPool sessions,
      Runnable release,
      Catalog catalog,
      Map<String, RuleLocation> locations,
      List<RuleFile> files,
      long buildMillis,
      String buildPhases) {
    this.version = version;
    this.kieBase = kieBase;
    this.sessions = sessions;
    this.release = release;
    this.catalog = catalog;
    this.measuresById =
        catalog.measures().stream()
            .collect(Collectors.toUnmodifiableMap(MeasureInfo::getId, Function.identity()));
    this.parametersById =
        catalog.allParameters().stream()
            .collect(Collectors.toUnmodifiableMap(Parameter::getId, Function.identity()));
    this.documentsById =
        catalog.documents().stream()
            .collect(Collectors.toUnmodifiableMap(PolicyDocument::getId, Function.identity()));
    Map<String, PolicyDocument> byNumber =
        catalog.documents().stream()
            .collect(Collectors.toUnmodifiableMap(PolicyDocument::getNumber, Function.identity()));
    Map<String, PolicyDocument> byMeasure = new HashMap<>();
    for (MeasureInfo m : catalog.measures()) {
      PolicyDocument document = byNumber.get(m.getDocument());
      if (document != null) {
        byMeasure.put(m.getId(), document);
      }
    }
    this.documentsByMeasure = Map.copyOf(byMeasure);
    this.factsByField =
        catalog.facts().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    f -> f.subject() + "|" + f.key(), Function.identity()));
    this.automaticMeasures =
        catalog.measures().stream()
            .filter(MeasureInfo::isAutomatic)
            .map(MeasureInfo::getId)
            .collect(Collectors.toUnmodifiableSet());
    this.locations = Map.copyOf(locations);
    this.files = List.copyOf(files);
    this.buildMillis = buildMillis;
    this.buildPhases = buildPhases;
  }

  /** {@code sha256:…} of the rule files' names and contents. */
  public String version() {
    return version;
  }

  /** The logic's KieBase, e.g. for a benchmark against the bare engine. */
  public KieBase kieBase() {
    return kieBase;
  }

  /** This version's sessions, reused from case to case. */
  SessionPool sessions() {
    return sessions;
  }

  public Catalog catalog() {
    return catalog;
  }

  public List<MeasureInfo> measures() {
    return catalog.measures();
  }

  public Optional<MeasureInfo> measure(String id) {
    return Optional.ofNullable(measuresById.get(id));
  }

  /** The parameters in force on a date. */
  public ParameterView parametersOn(LocalDate date) {
    return new ParameterView(catalog.parameters(), documentsByMeasure, date);
  }

  /** The measures evaluated for a case that names none (评估方式 自动). */
  public Set<String> automaticMeasures() {
    return automaticMeasures;
  }

  /** The policy documents the rules declare (the 文件 sheets). */
  public List<PolicyDocument> documents() {
    return catalog.documents();
  }

  /** The document a measure rests on, when the rules declare it. */
  public Optional<PolicyDocument> documentOf(String measure) {
    return Optional.ofNullable(documentsByMeasure.get(measure));
  }

  /** The document row of this id (the 编号 column of a 文件 sheet), if there is one. */
  public Optional<PolicyDocument> document(String id) {
    return Optional.ofNullable(documentsById.get(id));
  }

  /** The facts (attributes) a case may send, as the 事实 sheets declare them. */
  public List<FactDeclaration> facts() {
    return catalog.facts();
  }

  /** The declaration of a subject's attribute, if the rules declare it. */
  public Optional<FactDeclaration> fact(AttributeSubject subject, String key) {
    return Optional.ofNullable(factsByField.get(subject + "|" + key));
  }

  /** Every parameter row, all validities. */
  public List<Parameter> allParameters() {
    return catalog.allParameters();
  }

  /** The parameter row of this id (the 编号 column), if there is one. */
  public Optional<Parameter> parameter(String id) {
    return Optional.ofNullable(parametersById.get(id));
  }

  public RuleLocation locationOf(String ruleOrRow) {
    RuleLocation where = locations.get(ruleOrRow);
    return where == null ? RuleLocation.unknown() : where;
  }

  /** Rules and parameter rows. */
  public int ruleCount() {
    return locations.size();
  }

  /** The names of the rule files, e.g. {@code rules/m06-technical-expert.drl}. */
  public List<String> files() {
    return files.stream().map(RuleFile::name).toList();
  }

  /** The rule files as they were built: what a stored version keeps. */
  public List<RuleFile> sources() {
    return files;
  }

  public long buildMillis() {
    return buildMillis;
  }

  /** Where the build's time went, e.g. {@code read 3 ms, tables 240 ms, compile 800 ms, …}. */
  public String buildPhases() {
    return buildPhases;
  }

  public Instant builtAt() {
    return builtAt;
  }

  /** Releases the engine's resources; called by the last lease holder. */
  void dispose() {
    release.run();
  }
}
