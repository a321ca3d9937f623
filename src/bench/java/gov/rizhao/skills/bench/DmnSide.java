package gov.rizhao.skills.bench;

import gov.rizhao.skills.api.CaseRequest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.io.ResourceFactory;

/**
 * M06 and M10 as a DMN model (src/bench/dmn/m06-m10.dmn) on Drools' own DMN engine (kie-dmn-core):
 * the inputs are the case's person and its one competition result.
 */
final class DmnSide {
  private final DMNRuntime runtime;
  private final DMNModel model;

  DmnSide(Path file) {
    runtime =
        DMNRuntimeBuilder.fromDefaults()
            .buildConfiguration()
            .fromResources(List.of(ResourceFactory.newFileResource(file.toFile())))
            .getOrElseThrow(e -> new IllegalStateException("DMN 模型无法编译: " + e, e));
    model = runtime.getModels().get(0);
    if (model.hasErrors()) {
      throw new IllegalStateException("DMN 模型有误: " + model.getMessages());
    }
  }

  /** Evaluates every decision of the model for one case. */
  DMNResult evaluate(CaseRequest c) {
    CaseRequest.CompetitionResult r = c.competitionResults().get(0);
    DMNContext context = runtime.newContext();
    context.set("tier", r.tier().name());
    context.set("rank", r.rank() == null ? null : BigDecimal.valueOf(r.rank()));
    context.set("prize", r.prize() == null ? null : r.prize().name());
    context.set("skillStar", Boolean.TRUE.equals(r.skillStar()));
    context.set("catalogOccupation", Boolean.TRUE.equals(r.catalogOccupation()));
    context.set("seniorWorkerStandard", Boolean.TRUE.equals(r.seniorWorkerStandard()));
    context.set("passed", Boolean.TRUE.equals(r.passed()));
    context.set(
        "qualification",
        c.person().qualification() == null ? null : c.person().qualification().name());
    return runtime.evaluateAll(model, context);
  }

  static SideResult normalize(String caseId, DMNResult result) {
    if (result.hasErrors()) {
      throw new IllegalStateException(caseId + ": " + result.getMessages());
    }
    Map<?, ?> m06 = (Map<?, ?>) result.getDecisionResultByName("M06").getResult();
    Map<?, ?> m10 = (Map<?, ?>) result.getDecisionResultByName("M10").getResult();
    return new SideResult(
        caseId,
        (String) m06.get("outcome"),
        (BigDecimal) m06.get("amount"),
        (String) m10.get("outcome"),
        (BigDecimal) m10.get("amount"),
        (String) m10.get("promotion"));
  }
}
