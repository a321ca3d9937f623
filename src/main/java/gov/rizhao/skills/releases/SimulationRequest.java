package gov.rizhao.skills.releases;

import gov.rizhao.skills.facts.MeasureInfo;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stored cases to replay: those applied for from {@code from} to {@code to} (inclusive), and
 * optionally only some measures' decisions reported.
 */
public record SimulationRequest(
    @NotNull LocalDate from,
    @NotNull LocalDate to,
    @Size(max = 50) List<@NotNull @Pattern(regexp = MeasureInfo.ID_PATTERN) String> measures) {

  Set<String> measureSet() {
    return measures == null ? Set.of() : new TreeSet<>(measures);
  }
}
