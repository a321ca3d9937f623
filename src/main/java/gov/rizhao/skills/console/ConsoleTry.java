package gov.rizhao.skills.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.rizhao.skills.api.CaseRequest;
import gov.rizhao.skills.api.EvaluationResponse;
import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.engine.RuleFile;
import gov.rizhao.skills.evaluation.service.EvaluationService;
import gov.rizhao.skills.problem.InvalidInputException;
import gov.rizhao.skills.problem.Problem;
import gov.rizhao.skills.problem.ProblemException;
import gov.rizhao.skills.problem.Violations;
import gov.rizhao.skills.releases.VersionStatus;
import gov.rizhao.skills.releases.VersionView;
import gov.rizhao.skills.releases.Versions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 评估试算: a case pasted as JSON (the contract's form), decided as a dry run under the version in
 * force or a draft, with its decisions and trace; nothing is recorded. Mistakes in the case are
 * listed by their JSON pointer, as the API answers them.
 */
@Path("/console/try")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ANALYST, Roles.APPROVER})
public class ConsoleTry {
  /** Largest case the page takes, in characters. */
  static final int MAX_CASE = 200_000;

  private static final String EXAMPLE =
      """
      {
        "caseId": "试算-1",
        "applicationDate": "2021-06-01",
        "person": {"id": "P-1", "name": "张三", "qualification": "SENIOR_WORKER",
                   "frontline": true, "role": "WORKER"},
        "organization": {"id": "ORG-1", "kind": "ENTERPRISE", "size": "LARGE", "inRizhao": true},
        "competitionResults": [{"name": "山东省职业技能大赛", "tier": "PROVINCIAL_CLASS_1", "rank": 4}]
      }""";

  private final ConsoleView view;
  private final EvaluationService evaluations;
  private final Versions versions;
  private final ObjectMapper json;
  private final Validator validator;

  public ConsoleTry(
      ConsoleView view,
      EvaluationService evaluations,
      Versions versions,
      ObjectMapper json,
      Validator validator) {
    this.view = view;
    this.evaluations = evaluations;
    this.versions = versions;
    this.json = json;
    this.validator = validator;
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance form(
        ConsoleView.Page page,
        TryForm.Choices choices,
        String caseJson,
        String ruleset,
        List<VersionView> drafts,
        EvaluationResponse result,
        List<Problem.FieldError> errors,
        String error);
  }

  @GET
  public TemplateInstance form() {
    return Templates.form(page(), TryForm.CHOICES, EXAMPLE, "", drafts(), null, List.of(), null);
  }

  /** The common fields of the form, made into the case's JSON, then decided as pasted JSON is. */
  @POST
  @Path("/form")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public TemplateInstance fromForm(MultivaluedMap<String, String> fields) {
    Map<String, String> f = new HashMap<>();
    fields.forEach(
        (k, v) -> {
          if (!v.isEmpty() && k.length() < 50 && v.get(0).length() < 500) {
            f.put(k, v.get(0));
          }
        });
    return evaluate(TryForm.toJson(json, f), f.get("ruleset"));
  }

  @POST
  public TemplateInstance evaluate(@RestForm("case") String caseJson, @RestForm String ruleset) {
    String text = caseJson == null ? "" : caseJson;
    String version = ruleset == null ? "" : ruleset.strip();
    if (text.isBlank() || text.length() > MAX_CASE) {
      return answer(text, version, null, List.of(), "请粘贴一个案件（JSON，至多 " + MAX_CASE + " 个字符）");
    }
    CaseRequest request;
    try {
      request = json.readValue(text, CaseRequest.class);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : "第 " + e.getLocation().getLineNr() + " 行第 " + e.getLocation().getColumnNr() + " 列：";
      return answer(
          text,
          version,
          null,
          List.of(),
          "案件不是有效的 JSON 或不符合接口约定。" + where + e.getOriginalMessage());
    }
    List<Problem.FieldError> errors =
        request == null ? List.of() : Violations.toErrors("", validator.validate(request));
    if (request == null || !errors.isEmpty()) {
      return answer(text, version, null, errors, "案件有误，见下表");
    }
    try {
      EvaluationResponse result =
          version.isEmpty()
              ? evaluations.evaluate(request)
              : evaluations.evaluateUnder(checked(version), request);
      return answer(text, version, result, List.of(), null);
    } catch (InvalidInputException e) {
      return answer(text, version, null, e.errors(), "案件有误，见下表");
    } catch (ProblemException e) {
      return answer(text, version, null, List.of(), e.getMessage());
    }
  }

  private static String checked(String version) {
    if (!RuleFile.isVersion(version)) {
      throw InvalidInputException.at("ruleset", "不是规则版本号（sha256: 与 64 位十六进制数字）");
    }
    return version;
  }

  /** The form again, with what was typed, and the decisions or what is wrong with the case. */
  private TemplateInstance answer(
      String text,
      String version,
      EvaluationResponse result,
      List<Problem.FieldError> errors,
      String message) {
    return Templates.form(
        page(), TryForm.CHOICES, text, version, drafts(), result, errors, message);
  }

  private ConsoleView.Page page() {
    return view.page("/console/try", "评估试算");
  }

  /** The drafts and approved versions one may try a case under, newest first. */
  private List<VersionView> drafts() {
    List<VersionView> out = new ArrayList<>();
    out.addAll(versions.list(Optional.of(VersionStatus.APPROVED), 0, 20).versions());
    out.addAll(versions.list(Optional.of(VersionStatus.DRAFT), 0, 20).versions());
    return out;
  }
}
