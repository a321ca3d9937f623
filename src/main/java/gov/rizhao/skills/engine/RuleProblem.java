package gov.rizhao.skills.engine;

/**
 * Something wrong with a rule file, located so an analyst can open it: {@code file} relative to the
 * rules directory's parent (e.g. {@code rules/m06-technical-expert.drl.xlsx}) and {@code location}
 * such as {@code line 12, column 4} or {@code sheet 参数, row 23}.
 */
public record RuleProblem(String file, String location, String message) {

  @Override
  public String toString() {
    return file + (location == null ? "" : " (" + location + ")") + ": " + message;
  }
}
