package gov.rizhao.skills.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import gov.rizhao.skills.api.CaseRequest;
import gov.rizhao.skills.engine.ClaimPool;
import gov.rizhao.skills.engine.EngineResult;
import gov.rizhao.skills.engine.EvaluatedDecision;
import gov.rizhao.skills.engine.RuleEvaluator;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.evaluation.service.CaseFactsMapper;
import gov.rizhao.skills.support.RuleFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A version built before the workbooks became pure data (its files as a stored version keeps them:
 * decision tables with technical rows) still builds, and decides the recorded corpus as it did
 * then: a case decided under it replays under exactly its rules. The one difference allowed is the
 * engine's own refusal to count a limit against an empty identity ({@code IDENTITY_MISSING}), which
 * replay then reports.
 */
class LegacyVersionTest {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @Test
  void anOldVersionBuildsAndDecidesTheCorpusAsItDidThen() throws IOException {
    Path rules = Files.createTempDirectory("legacy-").resolve("rules");
    RuleFiles.copyInto(Path.of("src", "test", "resources", "legacy-rules"), rules);
    RulesetCompiler compiler = new RulesetCompiler(Optional.empty());
    Ruleset legacy = compiler.build(compiler.read(rules));
    assertThat(legacy.parameter("M06-P07").orElseThrow().getLocation())
        .isEqualTo("sheet 参数, row 27");

    JsonNode corpus;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("corpus/decisions.json")) {
      corpus = JSON.readTree(in);
    }
    List<String> changed = new ArrayList<>();
    int identityOnly = 0;
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) corpus::fields) {
      CaseRequest request = JSON.treeToValue(e.getValue().get("case"), CaseRequest.class);
      EngineResult result =
          RuleEvaluator.evaluate(legacy, CaseFactsMapper.toFacts(request, legacy), ClaimPool.EMPTY);
      JsonNode recorded = e.getValue().get("decisions");
      assertThat(result.decisions()).as(e.getKey()).hasSize(recorded.size());
      for (int i = 0; i < recorded.size(); i++) {
        EvaluatedDecision now = result.decisions().get(i);
        JsonNode was = recorded.get(i);
        List<String> codes = now.reasons().stream().map(n -> n.code()).toList();
        if (codes.contains("IDENTITY_MISSING")) {
          identityOnly++;
          continue;
        }
        List<String> wasCodes = new ArrayList<>();
        was.path("reasons").forEach(r -> wasCodes.add(r.path("code").asText()));
        List<String> steps = now.trace().stream().map(t -> t.rule()).toList();
        List<String> wasRules = new ArrayList<>();
        was.path("trace").forEach(t -> wasRules.add(t.path("rule").asText()));
        boolean same =
            now.decision().getMeasure().equals(was.path("measure").asText())
                && now.decision().getSubject().equals(was.path("subject").asText())
                && now.outcome().name().equals(was.path("outcome").asText())
                && now.decision().getAmount().compareTo(was.path("amount").decimalValue()) == 0
                && codes.equals(wasCodes)
                && steps.equals(wasRules);
        if (!same) {
          changed.add(
              e.getKey() + " " + was.path("measure").asText() + " " + codes + " / " + wasCodes);
        }
      }
    }
    assertThat(changed).isEmpty();
    assertThat(identityOnly)
        .as("decisions now refused for a limit on an empty identity")
        .isPositive();
  }
}
