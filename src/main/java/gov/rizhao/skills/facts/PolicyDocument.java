package gov.rizhao.skills.facts;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A policy document as the 文件 sheet declares it: its row id, 文号, title, the days it is in force
 * (both inclusive; no end when {@code expires} is null), a link, the article that states its dates,
 * and where it is declared. Every measure and every parameter row names one; a measure is in force
 * only within its document's dates.
 */
public final class PolicyDocument implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final String number;
  private final String title;
  private final LocalDate effective;
  private final LocalDate expires;
  private final String link;
  private final String article;
  private final String source;
  private final String location;

  public PolicyDocument(
      String id,
      String number,
      String title,
      LocalDate effective,
      LocalDate expires,
      String link,
      String article,
      String source,
      String location) {
    this.id = id;
    this.number = number;
    this.title = title;
    this.effective = effective;
    this.expires = expires;
    this.link = link;
    this.article = article;
    this.source = source;
    this.location = location;
  }

  /** The row's 编号: what a trace names when a rule read the document's dates. */
  public String getId() {
    return id;
  }

  /** 文号, e.g. 日人社字〔2019〕46号. */
  public String getNumber() {
    return number;
  }

  public String getTitle() {
    return title;
  }

  /** 施行日期: the first day in force. */
  public LocalDate getEffective() {
    return effective;
  }

  /** 失效日期: the last day in force, or null when it has none. */
  public LocalDate getExpires() {
    return expires;
  }

  public String getLink() {
    return link;
  }

  public String getArticle() {
    return article;
  }

  public String getSource() {
    return source;
  }

  public String getLocation() {
    return location;
  }

  /** True when the document is in force on the date. */
  public boolean inForceOn(LocalDate date) {
    return !date.isBefore(effective) && (expires == null || !date.isAfter(expires));
  }

  /** True when the date is before the document takes effect. */
  public boolean notYetOn(LocalDate date) {
    return date.isBefore(effective);
  }

  /** True when the document has expired by the date. */
  public boolean expiredOn(LocalDate date) {
    return expires != null && date.isAfter(expires);
  }

  /** The days in force as the trace shows them: 2019-04-30 起, or 2020-03-01 至 2022-12-31. */
  public String validity() {
    return expires == null ? effective + " 起" : effective + " 至 " + expires;
  }

  @Override
  public String toString() {
    return number;
  }
}
