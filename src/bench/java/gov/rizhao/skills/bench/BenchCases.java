package gov.rizhao.skills.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import gov.rizhao.skills.evaluation.api.CaseRequest;
import java.io.UncheckedIOException;

/** The cases the benchmarks send: a typical mixed case and one that touches every measure. */
public final class BenchCases {
  /** A skilled worker with a provincial result and a new technician certificate: M06 and M09. */
  public static final String TYPICAL = """
      {"caseId":"BENCH-TYPICAL","applicationDate":"2021-05-01",
       "person":{"id":"P-1","name":"张三","qualification":"TECHNICIAN","frontline":true,"role":"WORKER"},
       "organization":{"id":"O-1","name":"日照某机械有限公司","kind":"ENTERPRISE","size":"LARGE","inRizhao":true},
       "competitionResults":[{"name":"山东省职业技能大赛","tier":"PROVINCIAL_CLASS_1","rank":4,"prize":"NONE",
                              "passed":true,"date":"2021-03-10"}],
       "certificates":[{"level":"TECHNICIAN","route":"SOCIAL_ASSESSMENT","obtainedOn":"2021-04-01"}]}""";

  /** Every list filled: M01 to M10 all decide something. */
  public static final String EVERY_MEASURE = """
      {"caseId":"BENCH-ALL","applicationDate":"2022-06-15",
       "person":{"id":"P-2","name":"李四","qualification":"SENIOR_WORKER","frontline":true,"role":"WORKER"},
       "organization":{"id":"O-2","name":"日照某装备公司","kind":"ENTERPRISE","size":"LARGE","inRizhao":true,
                       "keyIndustry":true,"publicTrainingBase":true},
       "workstations":[{"id":"W-1","kind":"TECHNICIAN_WORKSTATION","field":"HIGH_PRECISION_MACHINING","recognized":true,
                        "leaderQualification":"TECHNICIAN","leaderUniqueSkills":true},
                       {"id":"W-2","kind":"SKILL_MASTER_WORKSTATION","field":"ADVANCED_MANUFACTURING","recognized":true,
                        "leaderQualification":"SENIOR_TECHNICIAN","leaderUniqueSkills":true}],
       "deliveries":[{"program":"CONTINUING_TRAINING","year":2021,"count":1200}],
       "nominations":[{"honor":"CHIEF_TECHNICIAN","year":2022},{"honor":"OUTSTANDING_TECHNICIAN","year":2022}],
       "competitionResults":[{"name":"技能之星","tier":"MUNICIPAL_CLASS_1","rank":1,"prize":"FIRST","skillStar":true,
                              "catalogOccupation":true,"seniorWorkerStandard":true,"passed":true,"date":"2022-05-01"}],
       "certificates":[{"level":"TECHNICIAN","route":"SKILL_COMPETITION","obtainedOn":"2022-05-20"}],
       "trainings":[{"program":"GOLDEN_BLUE_COLLAR","level":"TECHNICIAN","appraisalPassed":true}],
       "hires":[{"talentId":"T-1","title":"QILU_CHIEF_TECHNICIAN","fullTime":true,"fromOutsideCity":true,
                 "annualSalary":280000.00,"recognized":true}]}""";

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private BenchCases() {}

  public static CaseRequest parse(String json) {
    try {
      return JSON.readValue(json, CaseRequest.class);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
