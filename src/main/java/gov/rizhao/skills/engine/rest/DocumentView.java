package gov.rizhao.skills.engine.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import gov.rizhao.skills.facts.PolicyDocument;
import java.time.LocalDate;

/** A policy document as the rules declare it (a row of a 文件 sheet). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentView(
    String id,
    String number,
    String title,
    LocalDate effective,
    LocalDate expires,
    String link,
    String article,
    String source,
    String location) {

  static DocumentView of(PolicyDocument d) {
    return new DocumentView(
        d.getId(),
        d.getNumber(),
        d.getTitle(),
        d.getEffective(),
        d.getExpires(),
        d.getLink(),
        d.getArticle(),
        d.getSource(),
        d.getLocation());
  }
}
