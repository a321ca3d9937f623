package gov.rizhao.skills.engine.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import gov.rizhao.skills.engine.Ruleset;
import java.time.Instant;
import java.util.List;

/** A built ruleset: its version, what it was built from and how long the build took. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RulesetView(
    String version,
    String previousVersion,
    Boolean changed,
    Instant builtAt,
    long buildMillis,
    int rules,
    List<String> measures,
    List<String> files) {

  public static RulesetView of(Ruleset r, String previousVersion, Boolean changed) {
    return new RulesetView(
        r.version(),
        previousVersion,
        changed,
        r.builtAt(),
        r.buildMillis(),
        r.ruleCount(),
        r.measures().stream().map(m -> m.getId()).toList(),
        r.files());
  }
}
