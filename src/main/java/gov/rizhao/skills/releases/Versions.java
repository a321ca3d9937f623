package gov.rizhao.skills.releases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.rizhao.skills.engine.RuleFile;
import gov.rizhao.skills.engine.RuleProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Reading the stored versions: the history, one version whole, its files, its archive. */
@ApplicationScoped
public class Versions {
  private final VersionFiles files;
  private final ReleaseHistory history;
  private final ObjectMapper json;

  public Versions(VersionFiles files, ReleaseHistory history, ObjectMapper json) {
    this.files = files;
    this.history = history;
    this.json = json;
  }

  /** A page of the history, newest first. */
  public record VersionPage(int page, int size, long total, List<VersionView> versions) {}

  public VersionPage list(Optional<VersionStatus> status, int page, int size) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Optional<String> inForce = history.activeInTransaction();
              var query =
                  status
                      .map(
                          s ->
                              RulesetVersion.<RulesetVersion>find(
                                  "status", Sort.descending("createdAt"), s))
                      .orElseGet(
                          () ->
                              RulesetVersion.<RulesetVersion>findAll(Sort.descending("createdAt")));
              List<VersionView> views =
                  query.page(Page.of(page, size)).list().stream()
                      .map(v -> view(v, inForce, false))
                      .toList();
              return new VersionPage(page, size, query.count(), views);
            });
  }

  /** One version with its files, problems and scenario results. */
  public VersionView get(String version) {
    return QuarkusTransaction.requiringNew()
        .call(() -> view(row(version), history.activeInTransaction(), true));
  }

  /** The version in force. */
  public VersionView active() {
    return get(history.activeVersion().orElseThrow(() -> ReleaseException.unknown("（现行）")));
  }

  /** One file of a version exactly as stored: a rule file, or a scenario file under tests/. */
  public RuleFile file(String version, String name) {
    row(version);
    return all(version).stream()
        .filter(f -> f.relativeName().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new ReleaseException(
                    404, "not-found", "Not found", "版本中没有文件 " + name + "（no such file）"));
  }

  /** Every file of a version, scenarios under tests/, as a zip. */
  public byte[] archive(String version) {
    row(version);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (RuleFile f : all(version)) {
        zip.putNextEntry(new ZipEntry("rules/" + f.relativeName()));
        zip.write(f.content());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private List<RuleFile> all(String version) {
    List<RuleFile> rules = files.files(version).orElse(List.of());
    List<RuleFile> tests = files.scenarios(version);
    return java.util.stream.Stream.concat(rules.stream(), tests.stream()).toList();
  }

  static RulesetVersion row(String version) {
    RulesetVersion v =
        QuarkusTransaction.requiringNew()
            .call(() -> RulesetVersion.<RulesetVersion>findById(version));
    if (v == null) {
      throw ReleaseException.unknown(version);
    }
    return v;
  }

  VersionView view(RulesetVersion v, Optional<String> inForce, boolean whole) {
    List<String> failures = whole ? read(v.scenarioFailures, String[].class) : null;
    return new VersionView(
        v.version,
        v.parent,
        v.status,
        inForce.map(v.version::equals).orElse(false),
        v.author,
        v.reason,
        v.createdAt,
        whole
            ? files.files(v.version).orElse(List.of()).stream().map(RuleFile::relativeName).toList()
            : null,
        whole ? files.scenarios(v.version).stream().map(RuleFile::relativeName).toList() : null,
        whole ? read(v.problems, RuleProblem[].class) : null,
        new VersionView.Scenarios(v.scenariosRun, v.scenariosFailed, failures),
        v.decidedBy == null
            ? null
            : new VersionView.Decision(v.decidedBy, v.decidedAt, v.decisionReason),
        v.activatedBy == null
            ? null
            : new VersionView.Activation(
                v.activatedBy,
                v.activateAt != null ? v.activateAt : v.activatedAt,
                v.activationReason,
                v.activateAt != null),
        v.retiredAt);
  }

  private <T> List<T> read(String text, Class<T[]> type) {
    if (text == null) {
      return List.of();
    }
    try {
      return List.of(json.readValue(text, type));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
