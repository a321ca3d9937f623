package gov.rizhao.skills.releases;

import gov.rizhao.skills.facts.MeasureInfo;
import gov.rizhao.skills.problem.InvalidInputException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stored cases to replay: those applied for from {@code from} to {@code to} (inclusive), or in
 * the years {@code fromYear} to {@code toYear} (one year when {@code toYear} is left out), and
 * optionally only some measures' decisions reported.
 */
public record SimulationRequest(
    LocalDate from,
    LocalDate to,
    @Min(1949) @Max(2999) Integer fromYear,
    @Min(1949) @Max(2999) Integer toYear,
    @Size(max = 50) List<@NotNull @Pattern(regexp = MeasureInfo.ID_PATTERN) String> measures) {

  /**
   * The same request with its period as two dates.
   *
   * @throws InvalidInputException naming the field when the period is missing, mixed or reversed
   */
  public SimulationRequest asDates() {
    if (fromYear != null || toYear != null) {
      if (from != null || to != null) {
        throw InvalidInputException.at(
            from != null ? "/from" : "/to", "give the period as dates or as years, not both");
      }
      if (fromYear == null) {
        throw InvalidInputException.at("/fromYear", "must not be null when toYear is given");
      }
      int last = toYear == null ? fromYear : toYear;
      if (last < fromYear) {
        throw InvalidInputException.at("/toYear", "must not be before fromYear");
      }
      return new SimulationRequest(
          LocalDate.of(fromYear, 1, 1), LocalDate.of(last, 12, 31), null, null, measures);
    }
    if (from == null || to == null) {
      throw InvalidInputException.at(
          from == null ? "/from" : "/to", "a period is required: from and to, or fromYear");
    }
    if (to.isBefore(from)) {
      throw InvalidInputException.at("/to", "must not be before from");
    }
    return this;
  }

  Set<String> measureSet() {
    return measures == null ? Set.of() : new TreeSet<>(measures);
  }
}
