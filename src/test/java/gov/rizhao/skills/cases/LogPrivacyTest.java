package gov.rizhao.skills.cases;

import static gov.rizhao.skills.support.Contract.api;
import static org.assertj.core.api.Assertions.assertThat;

import gov.rizhao.skills.support.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ids of people and enterprises stay out of the log: first submissions racing for one new pool (an
 * expected race, retried) logged the pool's key, with the enterprise's id, at WARN.
 */
@QuarkusTest
@Tag("persistence")
class LogPrivacyTest {
  @Test
  void racingFirstSubmissionsForOneEnterpriseLogNoIdOfIt() throws Exception {
    String enterprise = Ledger.unique("ORG-PRIVATE");
    String person = Ledger.unique("P-PRIVATE");
    List<String> logged = Collections.synchronizedList(new ArrayList<>());
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            logged.add(
                r.getLoggerName()
                    + " "
                    + r.getMessage()
                    + " "
                    + (r.getThrown() == null ? "" : String.valueOf(r.getThrown())));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    root.addHandler(capture);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String body =
            Ledger.hire(Ledger.unique("PRIVATE"), enterprise, person + "-" + i, 2033, "100000");
        answers.add(
            threads.submit(
                () -> api().body(body).when().post("/api/v1/cases").then().extract().statusCode()));
      }
      for (Future<Integer> a : answers) {
        assertThat(a.get()).isEqualTo(201);
      }
    } finally {
      threads.shutdownNow();
      root.removeHandler(capture);
    }
    assertThat(logged).noneMatch(line -> line.contains(enterprise) || line.contains(person));
  }
}
