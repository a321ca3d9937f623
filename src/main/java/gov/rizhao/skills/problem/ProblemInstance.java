package gov.rizhao.skills.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every problem document names the request it is about ({@code instance}, RFC 9457): its path,
 * never its host.
 */
public class ProblemInstance {
  @ServerResponseFilter
  public void name(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getEntity() instanceof Problem problem && problem.instance() == null) {
      response.setEntity(
          problem.withInstance(request.getUriInfo().getRequestUri().getRawPath()),
          response.getEntityAnnotations(),
          Problem.PROBLEM_JSON);
    }
  }
}
