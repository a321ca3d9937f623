package gov.rizhao.skills.facts;

/**
 * A measure of the policy as its table's 措施 row declares it: id, Chinese name and the article it
 * rests on.
 */
public class MeasureInfo {
  private final String id;
  private final String name;
  private String document;
  private String article;
  private String text;
  private String source;
  private String location;

  public MeasureInfo(String id, String name) {
    this.id = id;
    this.name = name;
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

  public void setDocument(String document) {
    this.document = document;
  }

  public String getArticle() {
    return article;
  }

  public void setArticle(String article) {
    this.article = article;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getSource() {
    return source;
  }

  public String getLocation() {
    return location;
  }

  public void locate(String source, String location) {
    this.source = source;
    this.location = location;
  }
}
