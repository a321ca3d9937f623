package gov.rizhao.skills.engine;

/**
 * Where a rule is written (its file and the DRL line, or the sheet and row of a table) and the
 * article of the policy it implements.
 */
public record RuleLocation(String source, String location, String article) {

  public RuleLocation(String source, String location) {
    this(source, location, null);
  }

  RuleLocation citing(String newArticle) {
    return new RuleLocation(source, location, newArticle);
  }
}
