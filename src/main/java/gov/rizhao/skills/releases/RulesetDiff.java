package gov.rizhao.skills.releases;

import com.fasterxml.jackson.annotation.JsonInclude;
import gov.rizhao.skills.engine.RuleFile;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.engine.RulesetBuildException;
import gov.rizhao.skills.engine.RulesetRegistry;
import gov.rizhao.skills.facts.MeasureInfo;
import gov.rizhao.skills.facts.Parameter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What changed from one version to another, as an analyst reads it: per measure the parameter rows
 * added, removed and changed (old and new value, dates, article), the measures added or removed,
 * and the lines of each DRL file that changed.
 */
@ApplicationScoped
public class RulesetDiff {
  private final RulesetRegistry registry;
  private final VersionFiles files;

  public RulesetDiff(RulesetRegistry registry, VersionFiles files) {
    this.registry = registry;
    this.files = files;
  }

  /** A parameter row as the diff shows it. */
  public record Row(
      String id,
      String key,
      String item,
      String value,
      String validFrom,
      String validTo,
      String article,
      String location) {
    static Row of(Parameter p) {
      return new Row(
          p.getId(),
          p.getKey(),
          p.getItem(),
          p.getValue(),
          p.getValidFrom() == null ? null : p.getValidFrom().toString(),
          p.getValidTo() == null ? null : p.getValidTo().toString(),
          p.getArticle(),
          p.getLocation());
    }
  }

  /** A row in both versions whose content differs. */
  public record Changed(String id, Row before, Row after) {}

  /** The parameter rows of one measure that differ. */
  public record MeasureChanges(
      String measure, List<Row> added, List<Row> removed, List<Changed> changed) {}

  /** A file that differs: its lines removed ("-") and added ("+") with their line numbers. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FileChange(String file, String change, List<String> lines, String note) {}

  /** The whole difference. */
  public record Diff(
      String version,
      String base,
      List<String> measuresAdded,
      List<String> measuresRemoved,
      List<MeasureChanges> parameters,
      List<FileChange> files,
      String note) {}

  public Diff diff(String version, String base) {
    Versions.row(version);
    Versions.row(base);
    List<RuleFile> after = files.files(version).orElse(List.of());
    List<RuleFile> before = files.files(base).orElse(List.of());
    List<FileChange> fileChanges = fileChanges(before, after);
    try {
      return registry.withVersion(
          base,
          b ->
              registry.withVersion(
                  version,
                  a ->
                      new Diff(
                          version,
                          base,
                          minus(ids(a), ids(b)),
                          minus(ids(b), ids(a)),
                          parameters(b, a),
                          fileChanges,
                          null)));
    } catch (RulesetBuildException e) {
      return new Diff(
          version,
          base,
          List.of(),
          List.of(),
          List.of(),
          fileChanges,
          "有版本未能构建，只列出文件的差异（a version does not build: file differences only）");
    }
  }

  private static List<String> ids(Ruleset r) {
    return r.measures().stream().map(MeasureInfo::getId).toList();
  }

  private static List<String> minus(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.removeAll(b);
    return out;
  }

  private static List<MeasureChanges> parameters(Ruleset before, Ruleset after) {
    Map<String, Row> old = rows(before);
    Map<String, Row> now = rows(after);
    Map<String, MeasureChanges> byMeasure = new TreeMap<>();
    Function<String, MeasureChanges> of =
        id ->
            byMeasure.computeIfAbsent(
                id.contains("-") ? id.substring(0, id.indexOf('-')) : id,
                m ->
                    new MeasureChanges(m, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
    for (String id : new TreeSet<>(now.keySet())) {
      Row o = old.get(id);
      Row n = now.get(id);
      if (o == null) {
        of.apply(id).added().add(n);
      } else if (!same(o, n)) {
        of.apply(id).changed().add(new Changed(id, o, n));
      }
    }
    for (String id : new TreeSet<>(old.keySet())) {
      if (!now.containsKey(id)) {
        of.apply(id).removed().add(old.get(id));
      }
    }
    return List.copyOf(byMeasure.values());
  }

  /** Equal in what the row says; where it sits in the workbook may move. */
  private static boolean same(Row a, Row b) {
    return Objects.equals(a.key(), b.key())
        && Objects.equals(a.item(), b.item())
        && Objects.equals(a.value(), b.value())
        && Objects.equals(a.validFrom(), b.validFrom())
        && Objects.equals(a.validTo(), b.validTo())
        && Objects.equals(a.article(), b.article());
  }

  private static Map<String, Row> rows(Ruleset r) {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (Parameter p : r.allParameters()) {
      rows.put(p.getId(), Row.of(p));
    }
    return rows;
  }

  private static List<FileChange> fileChanges(List<RuleFile> before, List<RuleFile> after) {
    Map<String, RuleFile> old = new TreeMap<>();
    before.forEach(f -> old.put(f.relativeName(), f));
    Map<String, RuleFile> now = new TreeMap<>();
    after.forEach(f -> now.put(f.relativeName(), f));
    List<FileChange> changes = new ArrayList<>();
    for (String name : new TreeSet<>(concat(old.keySet(), now.keySet()))) {
      RuleFile o = old.get(name);
      RuleFile n = now.get(name);
      if (o != null && n != null && Arrays.equals(o.content(), n.content())) {
        continue;
      }
      String change = o == null ? "ADDED" : n == null ? "REMOVED" : "CHANGED";
      if (name.endsWith(RuleFile.TABLE_SUFFIX)) {
        changes.add(new FileChange(name, change, null, "参数表：见 parameters 中的行（see parameters）"));
      } else {
        changes.add(
            new FileChange(
                name,
                change,
                LineDiff.lines(o == null ? "" : o.text(), n == null ? "" : n.text()),
                null));
      }
    }
    return changes;
  }

  private static TreeSet<String> concat(
      java.util.Collection<String> a, java.util.Collection<String> b) {
    TreeSet<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }
}
