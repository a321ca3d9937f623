package gov.rizhao.skills.engine;

import java.io.Serializable;

/**
 * Where a rule or a parameter row is written (its file and the DRL line, or the sheet and row of a
 * workbook), the article of the policy it implements and the document the article belongs to.
 */
public record RuleLocation(String source, String location, String article, String document)
    implements Serializable {

  public static RuleLocation unknown() {
    return new RuleLocation("(unknown)", null, null, null);
  }
}
