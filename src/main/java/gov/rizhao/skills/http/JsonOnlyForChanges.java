package gov.rizhao.skills.http;

import gov.rizhao.skills.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Changes to the API are made with JSON only: a POST, PUT, PATCH or DELETE whose body is not {@code
 * application/json} (a form, which another web site can make a browser send; plain text; bytes; no
 * content type at all) is refused with 415 before anything runs, and a form is refused even with no
 * body. Rule files are uploaded as a multipart form to one address.
 */
public class JsonOnlyForChanges {
  private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final Set<String> FORMS =
      Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

  @ServerRequestFilter(preMatching = true)
  public Response refuseForms(ContainerRequestContext request) {
    if (!CHANGES.contains(request.getMethod())
        || !request.getUriInfo().getPath().startsWith("/api/")) {
      return null;
    }
    MediaType type = request.getMediaType();
    String essence = type == null ? null : (type.getType() + "/" + type.getSubtype()).toLowerCase();
    if ("application/x-ndjson".equals(essence)
        && "POST".equals(request.getMethod())
        && BodyReading.STREAM_PATH.equals(request.getUriInfo().getPath())) {
      // Cases streamed as newline-delimited JSON, to the one address that takes them.
      return null;
    }
    if ("multipart/form-data".equals(essence)
        && "POST".equals(request.getMethod())
        && BodyReading.UPLOAD_PATH.equals(request.getUriInfo().getPath())) {
      // Rule files are uploaded so, with a bearer token no other web site can send.
      return null;
    }
    if (essence != null && FORMS.contains(essence)) {
      return refused("Changes are made with application/json, never with a form.");
    }
    if (hasBody(request) && !"application/json".equals(essence)) {
      return refused(
          essence == null
              ? "A body needs Content-Type: application/json."
              : "The body is " + essence + "; send it as application/json.");
    }
    return null;
  }

  private static boolean hasBody(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    return request.getHeaderString("Transfer-Encoding") != null
        || (length != null && !length.strip().equals("0"));
  }

  private static Response refused(String detail) {
    return Problem.of(415, "unsupported-media-type", "Unsupported Media Type", detail).toResponse();
  }
}
