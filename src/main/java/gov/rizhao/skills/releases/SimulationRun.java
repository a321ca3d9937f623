package gov.rizhao.skills.releases;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import gov.rizhao.skills.api.CaseRequest;
import gov.rizhao.skills.engine.CaseFacts;
import gov.rizhao.skills.engine.CompactLedger;
import gov.rizhao.skills.engine.EngineResult;
import gov.rizhao.skills.engine.EvaluatedDecision;
import gov.rizhao.skills.engine.RuleEvaluator;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.evaluation.service.CaseFactsMapper;
import gov.rizhao.skills.facts.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * Replays the stored cases of a period under a version, in the order they were submitted, against a
 * ledger of its own (the real one is never touched): a page of cases at a time, their rules fired
 * in parallel, then quotas and caps applied one case after another, as submission did.
 */
final class SimulationRun {
  /** Cases read from the database at a time. */
  static final int PAGE = 1000;

  /** Cases whose rules are fired together, in parallel, before quotas and caps are applied. */
  static final int CHUNK = 200;

  /** Progress is written at most this often. */
  private static final long PROGRESS_NANOS = 500_000_000L;

  private static final String CASES =
      "SELECT owner, case_id, submitted_at, application_date, payload, evaluation FROM case_record"
          + " WHERE status = 'DECIDED' AND application_date >= ? AND application_date <= ?";
  private static final String AFTER = " AND (submitted_at, owner, case_id) > (?, ?, ?)";
  private static final String ORDER = " ORDER BY submitted_at, owner, case_id LIMIT " + PAGE;

  private record Stored(
      String owner,
      String caseId,
      Timestamp at,
      LocalDate date,
      String payload,
      String evaluation) {}

  /** A stored case decided by the rules, before quotas and caps, and its decisions as recorded. */
  private record Prepared(
      Stored stored, RuleEvaluator.Fired fired, List<StoredDecisions.Outcome> recorded) {}

  private SimulationRun() {}

  private static List<Stored> next(Future<List<Stored>> page) throws SQLException {
    try {
      return page.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the simulation was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  static long count(DataSource data, LocalDate from, LocalDate to) throws SQLException {
    try (Connection c = data.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT COUNT(*) FROM case_record WHERE status = 'DECIDED'"
                    + " AND application_date >= ? AND application_date <= ?")) {
      s.setObject(1, from);
      s.setObject(2, to);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  static SimulationReport.Result run(
      DataSource data,
      ObjectMapper json,
      Ruleset ruleset,
      SimulationRequest request,
      LongConsumer progress)
      throws SQLException {
    SimulationReport report = new SimulationReport(request.measureSet());
    CompactLedger ledger = new CompactLedger();
    PoolUse pools = new PoolUse();
    long done = 0;
    long reported = System.nanoTime();
    ObjectReader cases = json.readerFor(CaseRequest.class);
    // The next page is read from the database while this one is decided.
    ExecutorService reader =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "simulation-reader");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Stored> page = page(data, request, null);
      while (!page.isEmpty()) {
        Stored last = page.get(page.size() - 1);
        Future<List<Stored>> next = reader.submit(() -> page(data, request, last));
        // Decided a few hundred at a time: what the rules concluded stays young, collected cheaply.
        for (int from = 0; from < page.size(); from += CHUNK) {
          List<Prepared> prepared =
              page.subList(from, Math.min(page.size(), from + CHUNK)).parallelStream()
                  .map(
                      s ->
                          new Prepared(
                              s,
                              RuleEvaluator.fire(ruleset, facts(cases, s, ruleset)),
                              StoredDecisions.read(s.evaluation())))
                  .toList();
          for (Prepared p : prepared) {
            EngineResult result = RuleEvaluator.allocate(ruleset, p.fired(), ledger);
            for (EvaluatedDecision d : result.decisions()) {
              for (EvaluatedDecision.Taken t : d.taken()) {
                pools.took(
                    d.decision().getMeasure(),
                    t.claim(),
                    t.quantity(),
                    ledger.take(t.claim(), t.quantity()));
              }
            }
            Stored s = p.stored();
            report.add(s.owner(), s.caseId(), s.date(), p.recorded(), outcomes(result));
          }
        }
        done += page.size();
        if (System.nanoTime() - reported > PROGRESS_NANOS) {
          progress.accept(done);
          reported = System.nanoTime();
        }
        page = next(next);
      }
    } finally {
      reader.shutdownNow();
    }
    progress.accept(done);
    return report.result(pools.report(data, request.from(), request.to()));
  }

  private static List<StoredDecisions.Outcome> outcomes(EngineResult result) {
    List<StoredDecisions.Outcome> out = new ArrayList<>(result.decisions().size());
    for (EvaluatedDecision d : result.decisions()) {
      out.add(
          new StoredDecisions.Outcome(
              d.decision().getMeasure(),
              d.decision().getSubject(),
              d.outcome().name(),
              Money.round(d.decision().getAmount())));
    }
    return out;
  }

  private static CaseFacts facts(ObjectReader cases, Stored s, Ruleset ruleset) {
    try {
      return CaseFactsMapper.toFacts(cases.readValue(s.payload()), ruleset);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Stored> page(DataSource data, SimulationRequest request, Stored last)
      throws SQLException {
    try (Connection c = data.getConnection();
        PreparedStatement s = c.prepareStatement(CASES + (last == null ? "" : AFTER) + ORDER)) {
      s.setObject(1, request.from());
      s.setObject(2, request.to());
      if (last != null) {
        s.setTimestamp(3, last.at());
        s.setString(4, last.owner());
        s.setString(5, last.caseId());
      }
      List<Stored> page = new ArrayList<>(PAGE);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          page.add(
              new Stored(
                  r.getString(1),
                  r.getString(2),
                  r.getTimestamp(3),
                  r.getObject(4, LocalDate.class),
                  r.getString(5),
                  r.getString(6)));
        }
      }
      return page;
    }
  }
}
