package gov.rizhao.skills.facts;

import java.io.Serializable;

/**
 * A measure of the policy as its workbook's 措施 sheet declares it: id, Chinese name, the document
 * and article it rests on and the article's text, and where it is declared.
 */
public final class MeasureInfo implements Serializable {
  private static final long serialVersionUID = 2L;

  /** How a measure's id is written, in the rules and in the contract: M06, or a new one's. */
  public static final String ID_PATTERN = "^[A-Z][A-Z0-9]{0,19}$";

  private final String id;
  private final String name;
  private final String document;
  private final String article;
  private final String text;
  private final String source;
  private final String location;
  private final boolean automatic;

  public MeasureInfo(
      String id,
      String name,
      String document,
      String article,
      String text,
      String source,
      String location) {
    this(id, name, document, article, text, source, location, true);
  }

  /**
   * @param automatic true when evaluated for every case whose facts it reads, false when only for a
   *     case that names it in {@code measures}
   */
  public MeasureInfo(
      String id,
      String name,
      String document,
      String article,
      String text,
      String source,
      String location,
      boolean automatic) {
    this.automatic = automatic;
    this.id = id;
    this.name = name;
    this.document = document;
    this.article = article;
    this.text = text;
    this.source = source;
    this.location = location;
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getDocument() {
    return document;
  }

  public String getArticle() {
    return article;
  }

  public String getText() {
    return text;
  }

  public String getSource() {
    return source;
  }

  public String getLocation() {
    return location;
  }

  /**
   * True when evaluated for every case whose facts it reads (评估方式 自动); false when only for a case
   * that names it in {@code measures} (点名).
   */
  public boolean isAutomatic() {
    return automatic;
  }
}
