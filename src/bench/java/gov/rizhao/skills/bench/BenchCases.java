package gov.rizhao.skills.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import gov.rizhao.skills.api.CaseRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The cases the benchmarks send: a typical mixed case and one that touches every measure. */
public final class BenchCases {
  /** A skilled worker with a provincial result and a new technician certificate: M06 and M09. */
  public static final String TYPICAL =
      """
      {"caseId":"BENCH-TYPICAL","applicationDate":"2021-05-01",
       "person":{"id":"P-1","name":"张三","qualification":"TECHNICIAN","frontline":true,"role":"WORKER"},
       "organization":{"id":"O-1","name":"日照某机械有限公司","kind":"ENTERPRISE","size":"LARGE","inRizhao":true},
       "competitionResults":[{"name":"山东省职业技能大赛","tier":"PROVINCIAL_CLASS_1","rank":4,"prize":"NONE",
                              "passed":true,"date":"2021-03-10"}],
       "certificates":[{"level":"TECHNICIAN","route":"SOCIAL_ASSESSMENT","obtainedOn":"2021-04-01"}]}""";

  /**
   * Every list filled: M01 to M10 all decide something (the case the service warms its engine
   * with).
   */
  public static final String EVERY_MEASURE = resource("warm-up-case.json");

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private BenchCases() {}

  private static String resource(String name) {
    try (InputStream in = BenchCases.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static CaseRequest parse(String json) {
    try {
      return JSON.readValue(json, CaseRequest.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
