package gov.rizhao.skills.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem document: every error the service answers is one. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors,
    List<RuleError> problems) {

  public Problem(
      String type,
      String title,
      int status,
      String detail,
      List<FieldError> errors,
      List<RuleError> problems) {
    this(type, title, status, detail, null, errors, problems);
  }

  /** The same problem, about the request at {@code path}. */
  public Problem withInstance(String path) {
    return new Problem(type, title, status, detail, path, errors, problems);
  }

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

  /**
   * An invalid part of the request: a JSON Pointer (RFC 6901) into the body and what is wrong
   * there.
   */
  public record FieldError(String pointer, String message) {}

  /**
   * A problem in a rule file: the file, where in it (the DRL line, or the sheet, row and column of
   * a workbook, also as one readable {@code location}) and what is wrong, in Chinese.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RuleError(
      String file,
      String location,
      String message,
      String sheet,
      Integer row,
      String column,
      Integer line) {}

  public static Problem of(int status, String slug, String title, String detail) {
    return new Problem(type(slug), title, status, detail, List.of(), List.of());
  }

  public static String type(String slug) {
    return "https://skills-rules.rizhao.gov.cn/problems/" + slug;
  }

  public Response toResponse() {
    return Response.status(status).type(PROBLEM_JSON).entity(this).build();
  }
}
