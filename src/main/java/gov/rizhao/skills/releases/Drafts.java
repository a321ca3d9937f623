package gov.rizhao.skills.releases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.rizhao.skills.audit.AuditLog;
import gov.rizhao.skills.config.SkillsConfig;
import gov.rizhao.skills.engine.RuleFile;
import gov.rizhao.skills.engine.RuleProblem;
import gov.rizhao.skills.engine.RulesetBuildException;
import gov.rizhao.skills.engine.RulesetBuilder;
import gov.rizhao.skills.engine.RulesetRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Makes draft versions: the files of a base version with the uploaded ones put in (or the rules on
 * disk, for deployments that keep them in git), built, their scenarios run, and stored with who
 * made them and why. Nothing in force changes. The same content as a stored version is that
 * version.
 */
@ApplicationScoped
public class Drafts {
  private final RulesetRegistry registry;
  private final RulesetBuilder builder;
  private final VersionFiles files;
  private final ScenarioResults scenarios;
  private final ReleaseHistory history;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final SkillsConfig config;

  public Drafts(
      RulesetRegistry registry,
      RulesetBuilder builder,
      VersionFiles files,
      ScenarioResults scenarios,
      ReleaseHistory history,
      AuditLog audit,
      ObjectMapper json,
      SkillsConfig config) {
    this.registry = registry;
    this.builder = builder;
    this.files = files;
    this.scenarios = scenarios;
    this.history = history;
    this.audit = audit;
    this.json = json;
    this.config = config;
  }

  /** A draft, and whether it was made now (false: the same content was stored before). */
  public record Made(RulesetVersion version, boolean created, List<RuleProblem> problems) {}

  /** A draft of the base version (the one in force when none is named) with the parts put in. */
  public Made upload(Optional<String> base, List<Upload.Part> parts, String reason, String author) {
    String baseVersion =
        base.filter(b -> !b.isBlank())
            .or(history::activeVersion)
            .orElseThrow(() -> ReleaseException.notAllowed("没有可作为基础的版本（no base version）"));
    RulesetVersion baseRow =
        QuarkusTransaction.requiringNew()
            .call(() -> RulesetVersion.<RulesetVersion>findById(baseVersion));
    if (baseRow == null) {
      throw ReleaseException.unknown(baseVersion);
    }
    if (baseRow.status == VersionStatus.RETIRED || baseRow.status == VersionStatus.REJECTED) {
      throw ReleaseException.notAllowed(
          "版本 "
              + baseVersion
              + " 已"
              + (baseRow.status == VersionStatus.RETIRED ? "停用" : "驳回")
              + "，不能在其上修改；请以现行版本为基础（a draft may not be based on a "
              + baseRow.status
              + " version）");
    }
    List<RuleFile> baseFiles = files.files(baseVersion).orElseThrow();
    String top = baseFiles.get(0).name().substring(0, baseFiles.get(0).name().indexOf('/'));
    Map<String, RuleFile> rules = byRelativeName(baseFiles);
    Map<String, RuleFile> tests = byRelativeName(files.scenarios(baseVersion));
    for (Upload.Part p : parts) {
      RuleFile f = new RuleFile(top + "/" + p.path(), p.path(), p.content());
      (p.isScenario() ? tests : rules).put(p.path(), f);
    }
    return make(baseVersion, sorted(rules), sorted(tests), reason, author);
  }

  /** A draft of the rules on disk (for deployments that keep them in git). */
  public Made fromDisk(String reason, String author) {
    List<RuleFile> onDisk = builder.read(config.rulesDir());
    return make(
        history.activeVersion().orElse(null),
        onDisk,
        DiskScenarios.read(config.rulesDir()),
        reason,
        author);
  }

  private Made make(
      String parent, List<RuleFile> rules, List<RuleFile> tests, String reason, String author) {
    String version = RuleFile.versionOf(rules);
    RulesetVersion known =
        QuarkusTransaction.requiringNew()
            .call(() -> RulesetVersion.<RulesetVersion>findById(version));
    if (known != null) {
      return new Made(known, false, problemsOf(known));
    }
    RulesetVersion v = new RulesetVersion();
    v.version = version;
    v.parent = parent;
    v.author = author;
    v.reason = reason;
    List<RuleProblem> problems = List.of();
    try {
      ScenarioResults.Outcome outcome =
          registry.withFiles(rules, ruleset -> scenarios.run(ruleset, tests));
      v.status = VersionStatus.DRAFT;
      v.scenariosRun = outcome.run();
      v.scenariosFailed = outcome.failed();
      v.scenarioFailures = outcome.failures().isEmpty() ? null : write(outcome.failures());
    } catch (RulesetBuildException e) {
      v.status = VersionStatus.FAILED;
      problems = e.getProblems();
      v.problems = write(problems);
    }
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              v.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
              v.persist();
              files.store(version, rules);
              files.storeScenarios(version, tests);
              audit.record(
                  "RULESET_DRAFTED",
                  version,
                  v.status == VersionStatus.FAILED
                      ? AuditLog.Outcome.REFUSED
                      : AuditLog.Outcome.SUCCESS,
                  Map.of(
                      "parent",
                      String.valueOf(parent),
                      "status",
                      v.status.name(),
                      "reason",
                      reason,
                      "scenariosFailed",
                      v.scenariosFailed));
            });
    return new Made(v, true, problems);
  }

  private List<RuleProblem> problemsOf(RulesetVersion v) {
    if (v.problems == null) {
      return List.of();
    }
    try {
      return List.of(json.readValue(v.problems, RuleProblem[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, RuleFile> byRelativeName(List<RuleFile> list) {
    Map<String, RuleFile> map = new TreeMap<>();
    list.forEach(f -> map.put(f.relativeName(), f));
    return map;
  }

  private static List<RuleFile> sorted(Map<String, RuleFile> map) {
    List<RuleFile> list = new ArrayList<>(map.values());
    list.sort(Comparator.comparing(RuleFile::name));
    return list;
  }
}
