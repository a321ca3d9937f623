package gov.rizhao.skills.http;

import gov.rizhao.skills.config.SkillsConfig;
import gov.rizhao.skills.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body larger than {@code skills.max-body-bytes} with 413 and a problem document, before
 * reading it.
 */
public class BodySizeFilter {
  private final SkillsConfig config;

  public BodySizeFilter(SkillsConfig config) {
    this.config = config;
  }

  @ServerRequestFilter(preMatching = true)
  public Response limitBody(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length == null) {
      return null;
    }
    long bytes;
    try {
      bytes = Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return Problem.of(400, "bad-request", "Bad request", "Content-Length is not a number.")
          .toResponse();
    }
    if (bytes > config.maxBodyBytes()) {
      return Problem.of(
              413,
              "body-too-large",
              "Request body too large",
              "The body has "
                  + bytes
                  + " bytes; at most "
                  + config.maxBodyBytes()
                  + " are accepted (skills.max-body-bytes).")
          .toResponse();
    }
    return null;
  }
}
