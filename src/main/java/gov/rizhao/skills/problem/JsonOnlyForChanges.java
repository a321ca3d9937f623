package gov.rizhao.skills.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * No change is made by a form: a POST, PUT, PATCH or DELETE to the API with a form body (what
 * another web site can make a browser send) is refused with 415 before anything runs. File uploads
 * name their own endpoints. A body without a content type is refused too.
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
    if (type == null) {
      return hasBody(request) ? refused("A body needs Content-Type: application/json.") : null;
    }
    String essence = type.getType() + "/" + type.getSubtype();
    if (FORMS.contains(essence.toLowerCase())) {
      return refused("Changes are made with application/json, never with a form.");
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
