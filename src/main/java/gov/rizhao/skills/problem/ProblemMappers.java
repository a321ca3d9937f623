package gov.rizhao.skills.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import gov.rizhao.skills.common.Throwables;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure to a problem document: a clear 4xx for what the caller can fix, never a stack
 * trace.
 */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response invalidInput(InvalidInputException e) {
    return new Problem(
            Problem.type("invalid-input"),
            "Invalid input",
            400,
            "The case does not follow the contract: see errors.",
            e.errors(),
            List.of())
        .toResponse();
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e) {
    return new Problem(
            Problem.type("invalid-input"),
            "Invalid input",
            400,
            "The case does not follow the contract: see errors.",
            Violations.toErrors("", e.getConstraintViolations()),
            List.of())
        .toResponse();
  }

  @ServerExceptionMapper
  public Response unknownProperty(UnrecognizedPropertyException e) {
    return field(
        e,
        "unknown field '"
            + e.getPropertyName()
            + "'; known fields: "
            + e.getKnownPropertyIds().stream()
                .map(String::valueOf)
                .sorted()
                .collect(Collectors.joining(", ")));
  }

  @ServerExceptionMapper
  public Response invalidFormat(InvalidFormatException e) {
    Class<?> target = e.getTargetType();
    String message;
    if (target != null && target.isEnum()) {
      message =
          "'"
              + e.getValue()
              + "' is not one of "
              + Arrays.stream(target.getEnumConstants())
                  .map(String::valueOf)
                  .collect(Collectors.joining(", "));
    } else if (target != null && target.getName().startsWith("java.time")) {
      message =
          "'"
              + e.getValue()
              + "' is not a valid "
              + (target.getSimpleName().equals("YearMonth")
                  ? "month (2019-07)"
                  : "date (2019-06-01)");
    } else {
      message = "'" + e.getValue() + "' is not " + describe(target);
    }
    return field(e, message);
  }

  @ServerExceptionMapper
  public Response malformedText(MalformedTextException e) {
    return Problem.of(400, "malformed-text", "Malformed text", e.getMessage()).toResponse();
  }

  @ServerExceptionMapper
  public Response refusedValue(RefusedValueException e) {
    return field(e, e.getOriginalMessage());
  }

  @ServerExceptionMapper
  public Response nullValue(InvalidNullException e) {
    return field(e, "must not be null");
  }

  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e) {
    if (e.getPath().isEmpty() && e.getTargetType() == null) {
      return badJson(e);
    }
    return field(e, "expected " + describe(e.getTargetType()));
  }

  @ServerExceptionMapper
  public Response instantiation(ValueInstantiationException e) {
    return field(e, "invalid value: " + Throwables.rootMessage(e));
  }

  @ServerExceptionMapper
  public Response mapping(JsonMappingException e) {
    return field(e, "invalid value: " + e.getOriginalMessage());
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonProcessingException e) {
    return badJson(e);
  }

  @ServerExceptionMapper
  public Response unauthenticated(AuthenticationFailedException e) {
    return Response.fromResponse(
            Problem.of(
                    401,
                    "unauthenticated",
                    "Unauthenticated",
                    "A valid bearer token is required (Authorization: Bearer …).")
                .toResponse())
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .build();
  }

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e) {
    return unauthenticated(new AuthenticationFailedException(e));
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return Problem.of(403, "forbidden", "Forbidden", "Your roles do not allow this action.")
        .toResponse();
  }

  @ServerExceptionMapper
  public Response expected(ProblemException e) {
    return e.toProblem().toResponse();
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (e.getCause() instanceof JsonProcessingException json) {
      return json instanceof JsonMappingException mapping
          ? field(mapping, mapping.getOriginalMessage())
          : badJson(json);
    }
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    String detail =
        switch (status) {
          case 404 -> "No such resource.";
          case 405 -> "This method is not allowed here.";
          case 406 ->
              "The service answers application/json (and application/problem+json for errors).";
          case 415 -> "Send the body as application/json.";
          default -> e.getMessage();
        };
    return Problem.of(status, title.toLowerCase().replace(' ', '-'), title, detail).toResponse();
  }

  /** The OpenID Connect provider cannot be reached: a token cannot be checked now. */
  @ServerExceptionMapper
  public Response identityProviderDown(OIDCException e) {
    LOG.warn("Identity provider unavailable: " + Throwables.rootMessage(e));
    return unavailable(
        "identity-provider-unavailable",
        "Identity provider unavailable",
        "The token cannot be checked: the identity provider cannot be reached. Retry later.");
  }

  /** 503 with a problem, and when to try again. */
  private static Response unavailable(String slug, String title, String detail) {
    return Response.fromResponse(Problem.of(503, slug, title, detail).toResponse())
        .header("Retry-After", "5")
        .build();
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e) {
    if (DatabaseOutage.isCause(e)) {
      LOG.warn("Database unavailable: " + Throwables.rootCause(e));
      return unavailable(
          "database-unavailable",
          "Database unavailable",
          "The database cannot be reached; nothing was recorded for this request. Retry later.");
    }
    LOG.error("Unexpected failure", e);
    return Problem.of(
            500,
            "internal-error",
            "Internal error",
            "The service failed to answer; the failure is logged. Nothing was changed.")
        .toResponse();
  }

  private static Response field(JsonMappingException e, String message) {
    return new Problem(
            Problem.type("invalid-input"),
            "Invalid input",
            400,
            "The case does not follow the contract: see errors.",
            List.of(new Problem.FieldError(pointer(e.getPath()), message)),
            List.of())
        .toResponse();
  }

  private static Response badJson(JsonProcessingException e) {
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    return new Problem(
            Problem.type("malformed-json"),
            "Malformed JSON",
            400,
            "The body is not valid JSON" + where + ": " + e.getOriginalMessage(),
            List.of(),
            List.of())
        .toResponse();
  }

  static String pointer(List<JsonMappingException.Reference> path) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      b.append('/');
      if (ref.getFieldName() != null) {
        b.append(Violations.escape(ref.getFieldName()));
      } else if (ref.getIndex() >= 0) {
        b.append(ref.getIndex());
      }
    }
    return b.toString();
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
    }
    return "an object";
  }
}
