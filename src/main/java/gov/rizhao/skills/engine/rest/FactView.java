package gov.rizhao.skills.engine.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import gov.rizhao.skills.facts.FactDeclaration;
import java.util.List;

/**
 * A fact callers may send in an {@code attributes} object: where ({@code pointer}), its JSON type
 * and the rules' type, the codes of a code list, its Chinese label and unit, and where it is
 * declared.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FactView(
    String id,
    String subject,
    String key,
    String pointer,
    String type,
    String jsonType,
    List<String> codes,
    String label,
    String unit,
    String description,
    String source,
    String location) {

  static FactView of(FactDeclaration f) {
    return new FactView(
        f.id(),
        f.subject().name().toLowerCase(),
        f.key(),
        f.pointer(),
        f.type().symbol(),
        f.type().jsonType(),
        f.codes(),
        f.label(),
        f.unit(),
        f.description(),
        f.source(),
        f.location());
  }
}
