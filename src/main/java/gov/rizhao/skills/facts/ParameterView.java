package gov.rizhao.skills.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters in force on one date: the {@code params} global of every rule session. A rule
 * reads a value with {@code $p: Parameter() from params.get("M01.amount")}, or a list member or
 * table row with {@code params.get("M01.field", $w.field)}; the row it used then appears in the
 * decision's trace.
 *
 * <p>A single value that has no row in force on the date is remembered: the engine then grants
 * nothing of that measure and says which parameter was missing, instead of granting without it.
 */
public final class ParameterView {
  private final Map<String, List<Parameter>> byKey;
  private final Map<String, PolicyDocument> documents;
  private final LocalDate date;
  private Set<String> missing;

  public ParameterView(Map<String, List<Parameter>> byKey, LocalDate date) {
    this(byKey, Map.of(), date);
  }

  /**
   * @param documents the document each measure rests on, by measure id
   */
  public ParameterView(
      Map<String, List<Parameter>> byKey, Map<String, PolicyDocument> documents, LocalDate date) {
    this.byKey = byKey;
    this.documents = documents;
    this.date = date;
  }

  /**
   * The document a measure rests on ({@code params.document($d.measure)}), or null when the rules
   * declare no documents. A rule that reads it names it in the trace, as it does a parameter row.
   */
  public PolicyDocument document(String measure) {
    return documents.get(measure);
  }

  public LocalDate getDate() {
    return date;
  }

  /** The row of the key in force on the date, or null (remembered as missing). */
  public Parameter get(String key) {
    Parameter p = find(key);
    if (p == null) {
      if (missing == null) {
        missing = new LinkedHashSet<>();
      }
      missing.add(key);
    }
    return p;
  }

  /**
   * The row of the key for the given member (an enum constant or its name) in force on the date, or
   * null.
   */
  public Parameter get(String key, Object item) {
    return item == null ? null : find(key + "|" + (item instanceof Enum<?> e ? e.name() : item));
  }

  /**
   * True when the table has a row for the member in force on the date (e.g. an award for the
   * level).
   */
  public boolean has(String key, Object item) {
    return get(key, item) != null;
  }

  /** True when the list has the member, in force on the date and not switched off (取值 是, not 否). */
  public boolean lists(String key, Object item) {
    Parameter p = get(key, item);
    return p != null && p.isYes();
  }

  /**
   * Every row of a table (all its members) in force on the date, in the order of their ids: for
   * messages.
   */
  public List<Parameter> rows(String key) {
    List<Parameter> rows = new ArrayList<>();
    String prefix = key + "|";
    byKey.forEach(
        (lookup, versions) -> {
          if (lookup.startsWith(prefix)) {
            for (Parameter p : versions) {
              if (p.inForceOn(date)) {
                rows.add(p);
              }
            }
          }
        });
    rows.sort(Comparator.comparing(Parameter::getId));
    return rows;
  }

  /** The single values a rule asked for that had no row in force on the date. */
  public Set<String> missing() {
    return missing == null ? Set.of() : missing;
  }

  private Parameter find(String lookup) {
    List<Parameter> versions = byKey.get(lookup);
    if (versions != null) {
      for (Parameter p : versions) {
        if (p.inForceOn(date)) {
          return p;
        }
      }
    }
    return null;
  }

  /** The lookup key of a row: its key, and its item when it has one. */
  public static String lookupKey(Parameter p) {
    return p.getItem() == null ? p.getKey() : p.getKey() + "|" + p.getItem();
  }
}
