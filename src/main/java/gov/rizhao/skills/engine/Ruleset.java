package gov.rizhao.skills.engine;

import gov.rizhao.skills.facts.MeasureInfo;
import gov.rizhao.skills.facts.Parameter;
import gov.rizhao.skills.facts.ParameterView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * One built version of the rules: the KieBase, the measures and parameters its tables declare, and
 * where each rule is written. Immutable; a reload builds a new one and swaps it in.
 */
public final class Ruleset {
  private final String version;
  private final KieBase kieBase;
  private final Runnable release;
  private final KieSessionsPool sessions;
  private final List<MeasureInfo> measures;
  private final Map<String, MeasureInfo> measuresById;
  private final Map<String, List<Parameter>> parameters;
  private final Map<String, RuleLocation> locations;
  private final List<RuleFile> files;
  private final long buildMillis;
  private final String buildPhases;
  private final Instant builtAt = Instant.now();

  Ruleset(
      String version,
      KieBase kieBase,
      KieSessionsPool sessions,
      Runnable release,
      List<MeasureInfo> measures,
      Map<String, List<Parameter>> parameters,
      Map<String, RuleLocation> locations,
      List<RuleFile> files,
      long buildMillis,
      String buildPhases) {
    this.version = version;
    this.kieBase = kieBase;
    this.sessions = sessions;
    this.release = release;
    this.measures = List.copyOf(measures);
    this.measuresById =
        measures.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(MeasureInfo::getId, m -> m));
    this.parameters = Map.copyOf(parameters);
    this.locations = Map.copyOf(locations);
    this.files = List.copyOf(files);
    this.buildMillis = buildMillis;
    this.buildPhases = buildPhases;
  }

  /** {@code sha256:…} of the rule files' names and contents. */
  public String version() {
    return version;
  }

  public KieBase kieBase() {
    return kieBase;
  }

  /**
   * A session from this version's pool: reset and reused rather than built anew for every case.
   * Disposing it returns it to the pool; it must be left as it was given (no listeners).
   */
  KieSession newSession() {
    return sessions.newKieSession();
  }

  public List<MeasureInfo> measures() {
    return measures;
  }

  public Optional<MeasureInfo> measure(String id) {
    return Optional.ofNullable(measuresById.get(id));
  }

  /** The parameters in force on a date. */
  public ParameterView parametersOn(LocalDate date) {
    return new ParameterView(parameters, date);
  }

  /** Every parameter row, all versions. */
  public List<Parameter> allParameters() {
    return parameters.values().stream()
        .flatMap(List::stream)
        .sorted((a, b) -> a.getId().compareTo(b.getId()))
        .toList();
  }

  public RuleLocation locationOf(String rule) {
    return locations.getOrDefault(rule, new RuleLocation("(unknown)", null));
  }

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

  /** Releases the engine's resources once no evaluation uses this version any more. */
  public void dispose() {
    release.run();
  }
}
