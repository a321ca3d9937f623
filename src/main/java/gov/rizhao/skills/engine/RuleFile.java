package gov.rizhao.skills.engine;

/**
 * A rule file as read from disk: its name as analysts see it ({@code
 * rules/m06-technical-expert.drl.xlsx}), its path below the rules directory, and its content.
 */
public record RuleFile(String name, String relativeName, byte[] content) {

  static final String TABLE_SUFFIX = ".drl.xlsx";

  /**
   * A file stored under its full name: the part after the first '/' is its path below the rules
   * directory.
   */
  public static RuleFile named(String name, byte[] content) {
    int slash = name.indexOf('/');
    return new RuleFile(name, slash < 0 ? name : name.substring(slash + 1), content);
  }

  boolean isTable() {
    return name.endsWith(TABLE_SUFFIX);
  }
}
