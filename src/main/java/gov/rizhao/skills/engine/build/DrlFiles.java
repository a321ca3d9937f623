package gov.rizhao.skills.engine.build;

import gov.rizhao.skills.engine.RuleFile;
import gov.rizhao.skills.engine.RuleProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;

/**
 * Reads a DRL file without compiling it: its syntax errors (each file on its own, so one typo is
 * reported once, in its file), the rules it declares with their line and article, and the
 * parameters and measures it names.
 */
final class DrlFiles {
  private static final Pattern PARAMETER =
      Pattern.compile("params\\.(?:get|has|lists|rows)\\(\\s*\"([^\"]+)\"");
  private static final Pattern MEASURE =
      Pattern.compile(
          "(?:new\\s+Decision\\(\\s*|measure\\s*==\\s*|wants\\(\\s*|asked\\(\\s*|params\\.document\\(\\s*)\"([^\"]+)\"");

  private static final Pattern ATTRIBUTE =
      Pattern.compile(
          "(?:attributes|getAttributes\\(\\))\\.(has|date|integer|decimal|flag|code|text|age)\\(\\s*\"([^\"]+)\"");
  private static final Pattern SUBJECT =
      Pattern.compile("\\b(Person|Organization|Application)\\s*\\(");

  /**
   * A declared fact a rule reads: the accessor ({@code date}, {@code age}, …), the field, the
   * subject when the line shows it ({@code Person}, {@code Organization}, {@code Application}, or
   * null) and the line.
   */
  record AttributeRead(String accessor, String key, String subject, int line) {}

  /** A rule: its id, the line it starts on and the article it cites (null when it cites none). */
  record Declared(String rule, int line, String article) {}

  /** A name used in the DRL text (a parameter key, a measure id), and the line it is on. */
  record Reference(String name, int line) {}

  /** What a DRL file holds, or its syntax errors. */
  record Parsed(
      RuleFile file,
      List<Declared> rules,
      List<Reference> parameters,
      List<Reference> measures,
      List<AttributeRead> attributes,
      List<RuleProblem> problems) {}

  private DrlFiles() {}

  static Parsed parse(RuleFile file) {
    String text = file.text();
    List<RuleProblem> problems = new ArrayList<>();
    List<Declared> rules = new ArrayList<>();
    DrlParser parser = new DrlParser();
    try {
      PackageDescr pkg = parser.parse(false, text);
      if (parser.hasErrors()) {
        for (DroolsError e : parser.getErrors()) {
          int[] lines = e.getLines();
          int line = lines != null && lines.length > 0 ? lines[0] : 0;
          String message = "DRL 语法错误：" + engineText(e.getMessage());
          problems.add(
              line > 0
                  ? RuleProblem.atLine(file.name(), line, null, message)
                  : RuleProblem.ofFile(file.name(), message));
        }
      } else if (pkg != null) {
        for (RuleDescr rule : pkg.getRules()) {
          AnnotationDescr article = rule.getAnnotation("article");
          String cited = article == null ? null : String.valueOf(article.getSingleValueStripped());
          rules.add(
              new Declared(
                  rule.getName(), rule.getLine(), cited == null || cited.isBlank() ? null : cited));
        }
      }
    } catch (DroolsParserException | RuntimeException e) {
      problems.add(RuleProblem.ofFile(file.name(), "DRL 无法解析：" + engineText(e.getMessage())));
    }
    return new Parsed(
        file,
        rules,
        references(text, PARAMETER),
        references(text, MEASURE),
        attributes(text),
        problems);
  }

  private static List<AttributeRead> attributes(String text) {
    List<AttributeRead> found = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int comment = line.indexOf("//");
      String code = comment < 0 ? line : line.substring(0, comment);
      Matcher m = ATTRIBUTE.matcher(code);
      while (m.find()) {
        String subject = null;
        Matcher s = SUBJECT.matcher(code.substring(0, m.start()));
        while (s.find()) {
          subject = s.group(1);
        }
        found.add(new AttributeRead(m.group(1), m.group(2), subject, i + 1));
      }
    }
    return found;
  }

  private static List<Reference> references(String text, Pattern pattern) {
    List<Reference> found = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int comment = line.indexOf("//");
      Matcher m = pattern.matcher(comment < 0 ? line : line.substring(0, comment));
      while (m.find()) {
        found.add(new Reference(m.group(1), i + 1));
      }
    }
    return found;
  }

  /**
   * An engine's message in full, its lines joined, for an analyst (the English follows the Chinese
   * lead-in).
   */
  static String engineText(String text) {
    if (text == null) {
      return "";
    }
    return String.join(
        " ", text.strip().lines().map(String::strip).filter(s -> !s.isEmpty()).toList());
  }
}
