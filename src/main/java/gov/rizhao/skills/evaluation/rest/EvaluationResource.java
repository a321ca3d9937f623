package gov.rizhao.skills.evaluation.rest;

import gov.rizhao.skills.api.CaseRequest;
import gov.rizhao.skills.api.EvaluationResponse;
import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.config.SkillsConfig;
import gov.rizhao.skills.engine.RuleFile;
import gov.rizhao.skills.evaluation.service.EvaluationService;
import gov.rizhao.skills.evaluation.service.NdjsonBatch;
import gov.rizhao.skills.problem.InvalidInputException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;

/** Decisions for cases, without recording anything (a dry run). */
@RolesAllowed({Roles.CALLER, Roles.ANALYST, Roles.APPROVER})
@Path("/api/v1/evaluations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {
  private final EvaluationService service;
  private final NdjsonBatch ndjson;
  private final SkillsConfig config;
  private final SecurityIdentity identity;

  public EvaluationResource(
      EvaluationService service,
      NdjsonBatch ndjson,
      SkillsConfig config,
      SecurityIdentity identity) {
    this.service = service;
    this.ndjson = ndjson;
    this.config = config;
    this.identity = identity;
  }

  /**
   * One case, a dry run; with {@code ruleset}, under that stored version (a draft under test)
   * instead of the one in force: for analysts and approvers, not calling systems.
   */
  @POST
  public EvaluationResponse evaluate(
      @NotNull(message = "a case is required") @Valid CaseRequest request,
      @QueryParam("ruleset") String ruleset) {
    if (ruleset == null || ruleset.isEmpty()) {
      return service.evaluate(request);
    }
    if (!identity.hasRole(Roles.ANALYST) && !identity.hasRole(Roles.APPROVER)) {
      throw new ForbiddenException(
          "evaluating under another version is for analysts and approvers");
    }
    if (!RuleFile.isVersion(ruleset)) {
      throw InvalidInputException.at("ruleset", "is not a version (sha256: and 64 hex digits)");
    }
    return service.evaluateUnder(ruleset, request);
  }

  /**
   * Any number of cases as newline-delimited JSON, streamed both ways: one answer line per case, in
   * order (an evaluation, or {@code {"line", "problem"}} for a line that is not a case).
   */
  @POST
  @Path("/batch")
  @Consumes(NdjsonBatch.MEDIA_TYPE)
  @Produces(NdjsonBatch.MEDIA_TYPE)
  public StreamingOutput evaluateStream(InputStream body) {
    return out ->
        ndjson.stream(body, out, (int) Math.min(Integer.MAX_VALUE, config.maxBodyBytes()));
  }

  @POST
  @Path("/batch")
  public List<EvaluationResponse> evaluateBatch(
      @NotNull(message = "an array of cases is required") @Valid List<@NotNull(message = "a case is required") @Valid CaseRequest> requests) {
    return service.evaluateBatch(requests, config.maxBatchCases());
  }
}
