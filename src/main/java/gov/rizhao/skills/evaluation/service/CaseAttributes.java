package gov.rizhao.skills.evaluation.service;

import com.fasterxml.jackson.databind.JsonNode;
import gov.rizhao.skills.api.CaseRequest;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.facts.AttributeSubject;
import gov.rizhao.skills.facts.Attributes;
import gov.rizhao.skills.facts.FactDeclaration;
import gov.rizhao.skills.problem.Problem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code attributes} of a case, its person and its organization, against the facts the ruleset
 * declares: {@link #check} names every undeclared key and every value of the wrong type by its JSON
 * pointer, {@link #typed} turns the declared ones into the typed values rules read.
 */
public final class CaseAttributes {
  /** Longest text fact. */
  static final int MAX_TEXT = 2_000;

  /** Largest decimal fact: 13 digits before the point, 6 after. */
  private static final int MAX_INTEGER_DIGITS = 13;

  private static final int MAX_FRACTION_DIGITS = 6;

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  private CaseAttributes() {}

  /** Every problem with the case's attributes, each at its pointer (after {@code prefix}). */
  public static List<Problem.FieldError> check(
      Ruleset ruleset, CaseRequest request, String prefix) {
    List<Problem.FieldError> errors = new ArrayList<>();
    check(ruleset, AttributeSubject.CASE, request.attributes(), prefix, errors);
    if (request.person() != null) {
      check(ruleset, AttributeSubject.PERSON, request.person().attributes(), prefix, errors);
    }
    if (request.organization() != null) {
      check(
          ruleset,
          AttributeSubject.ORGANIZATION,
          request.organization().attributes(),
          prefix,
          errors);
    }
    return errors;
  }

  /**
   * The declared attributes typed; an undeclared key or a value of the wrong type is left out (a
   * stored case replayed under rules that no longer declare it).
   */
  public static Attributes typed(
      Ruleset ruleset, AttributeSubject subject, Map<String, JsonNode> raw) {
    if (raw == null || raw.isEmpty()) {
      return Attributes.NONE;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    raw.forEach(
        (key, node) ->
            ruleset
                .fact(subject, key)
                .flatMap(f -> value(f, node).value())
                .ifPresent(v -> values.put(key, v)));
    return values.isEmpty() ? Attributes.NONE : new Attributes(values);
  }

  private static void check(
      Ruleset ruleset,
      AttributeSubject subject,
      Map<String, JsonNode> raw,
      String prefix,
      List<Problem.FieldError> errors) {
    if (raw == null) {
      return;
    }
    raw.forEach(
        (key, node) -> {
          String pointer = prefix + subject.pointer() + "/" + escape(key);
          Optional<FactDeclaration> fact = ruleset.fact(subject, key);
          if (fact.isEmpty()) {
            errors.add(new Problem.FieldError(pointer, undeclared(ruleset, subject)));
            return;
          }
          Typed typed = value(fact.get(), node);
          if (typed.error() != null) {
            errors.add(new Problem.FieldError(pointer, typed.error()));
          }
        });
  }

  /** A value typed, or why it cannot be; null JSON is no value (the fact is not sent). */
  private record Typed(Optional<Object> value, String error) {
    static Typed of(Object value) {
      return new Typed(Optional.of(value), null);
    }

    static Typed wrong(FactDeclaration fact, String detail) {
      return new Typed(
          Optional.empty(),
          "must be "
              + fact.type().jsonType()
              + " ("
              + fact.label()
              + "："
              + fact.type().rule()
              + ")"
              + (detail == null ? "" : "; " + detail));
    }
  }

  private static Typed value(FactDeclaration fact, JsonNode node) {
    if (node == null || node.isNull()) {
      return new Typed(Optional.empty(), null);
    }
    return switch (fact.type()) {
      case DATE -> {
        if (!node.isTextual()) {
          yield Typed.wrong(fact, null);
        }
        try {
          yield Typed.of(LocalDate.parse(node.textValue(), DATE));
        } catch (DateTimeParseException e) {
          yield Typed.wrong(fact, "a date as 2019-04-30");
        }
      }
      case INTEGER ->
          node.isIntegralNumber() && node.canConvertToLong()
              ? Typed.of(node.longValue())
              : Typed.wrong(fact, null);
      case DECIMAL -> {
        if (!node.isNumber()) {
          yield Typed.wrong(fact, null);
        }
        BigDecimal d = node.decimalValue().stripTrailingZeros();
        yield d.precision() - d.scale() > MAX_INTEGER_DIGITS || d.scale() > MAX_FRACTION_DIGITS
            ? Typed.wrong(
                fact,
                "at most "
                    + MAX_INTEGER_DIGITS
                    + " digits before the point and "
                    + MAX_FRACTION_DIGITS
                    + " after")
            : Typed.of(d);
      }
      case BOOLEAN -> node.isBoolean() ? Typed.of(node.booleanValue()) : Typed.wrong(fact, null);
      case CODE ->
          node.isTextual() && fact.codes().contains(node.textValue())
              ? Typed.of(node.textValue())
              : Typed.wrong(fact, "one of " + String.join(", ", fact.codes()));
      case TEXT ->
          node.isTextual() && node.textValue().length() <= MAX_TEXT
              ? Typed.of(node.textValue())
              : Typed.wrong(fact, "text of at most " + MAX_TEXT + " characters");
    };
  }

  private static String undeclared(Ruleset ruleset, AttributeSubject subject) {
    List<String> declared =
        ruleset.facts().stream()
            .filter(f -> f.subject() == subject)
            .map(f -> f.key() + " (" + f.type().jsonType() + ", " + f.label() + ")")
            .toList();
    return "is not a declared fact of "
        + subject.name().toLowerCase()
        + " in ruleset "
        + ruleset.version()
        + "; declared: "
        + (declared.isEmpty() ? "none" : String.join(", ", declared))
        + " (GET /api/v1/facts)";
  }

  /** A key as a JSON pointer token (RFC 6901), at most 100 characters of it. */
  private static String escape(String key) {
    String shown = key.length() > 100 ? key.substring(0, 100) + "…" : key;
    return shown.replace("~", "~0").replace("/", "~1");
  }
}
