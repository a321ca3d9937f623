package gov.rizhao.skills.cases;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import gov.rizhao.skills.api.CaseRequest;
import gov.rizhao.skills.api.CaseStatus;
import gov.rizhao.skills.api.CaseView;
import gov.rizhao.skills.api.EvaluationResponse;
import gov.rizhao.skills.api.ReplayView;
import gov.rizhao.skills.audit.AuditLog;
import gov.rizhao.skills.common.Digests;
import gov.rizhao.skills.common.Throwables;
import gov.rizhao.skills.engine.ClaimPool;
import gov.rizhao.skills.engine.RulesetRegistry;
import gov.rizhao.skills.evaluation.service.EvaluationService;
import gov.rizhao.skills.ledger.GrantBook;
import gov.rizhao.skills.ledger.LedgerPools;
import gov.rizhao.skills.releases.VersionFiles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Submitted cases: decided, stored with input, decisions, trace and ruleset version, and their
 * grants written to the ledger, all in one transaction. The case id is the idempotency key.
 */
@ApplicationScoped
public class CaseService {
  private static final TypeReference<Map<String, BigDecimal>> POOLS = new TypeReference<>() {};
  private static final int MAX_ATTEMPTS = 3;

  private final EvaluationService evaluations;
  private final RulesetRegistry registry;
  private final VersionFiles archive;
  private final LedgerPools pools;
  private final GrantBook grants;
  private final StoredJson json;
  private final AuditLog audit;

  public CaseService(
      EvaluationService evaluations,
      RulesetRegistry registry,
      VersionFiles archive,
      LedgerPools pools,
      GrantBook grants,
      StoredJson json,
      AuditLog audit) {
    this.evaluations = evaluations;
    this.registry = registry;
    this.archive = archive;
    this.pools = pools;
    this.grants = grants;
    this.json = json;
    this.audit = audit;
  }

  /** A submission's answer: the case as stored, and whether this request created it. */
  public record Submission(CaseView view, boolean created) {}

  /**
   * Decides and records a validated case. The same case again returns what was stored; other
   * content under the same id is a conflict. Concurrent submissions of one id record it once.
   */
  public Submission submit(String owner, CaseRequest request) {
    String payload = json.canonical(request);
    String hash = Digests.sha256Hex(payload);
    for (int attempt = 1; ; attempt++) {
      try {
        Submission submission =
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        stored(owner, request.caseId(), hash)
                            .orElseGet(() -> record(owner, request, payload, hash)));
        if (submission.created()) {
          pools.changed();
          archive.committed(submission.view().rulesetVersion());
        }
        return submission;
      } catch (RuntimeException e) {
        if (!Throwables.isDuplicateKey(e)) {
          throw e;
        }
        // Another request recorded this case id, or created a pool row, first: nothing of ours was
        // kept.
        Optional<Submission> raced =
            QuarkusTransaction.requiringNew().call(() -> stored(owner, request.caseId(), hash));
        if (raced.isPresent()) {
          return raced.get();
        }
        if (attempt == MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private Optional<Submission> stored(String owner, String caseId, String hash) {
    CaseRecord record = CaseRecord.findById(new CaseRecord.Key(owner, caseId));
    if (record == null) {
      return Optional.empty();
    }
    if (!record.payloadSha256.equals(hash)) {
      throw new CaseConflictException(caseId);
    }
    return Optional.of(
        new Submission(
            view(record, json.read(record.evaluation, EvaluationResponse.class)), false));
  }

  private Submission record(String owner, CaseRequest request, String payload, String hash) {
    return registry.withRuleset(
        ruleset -> {
          EvaluationService.Decided decided = evaluations.decide(ruleset, request, pools.locking());
          EvaluationResponse response = decided.response();
          archive.keep(ruleset);
          Instant now = stamp();
          CaseRecord record = new CaseRecord();
          record.owner = owner;
          record.caseId = request.caseId();
          record.payloadSha256 = hash;
          record.payload = payload;
          record.applicationDate = request.applicationDate();
          record.organizationId =
              request.organization() == null ? null : request.organization().id();
          record.personId = request.person() == null ? null : request.person().id();
          record.rulesetVersion = ruleset.version();
          record.evaluation = json.write(response);
          record.poolsBefore = json.write(new TreeMap<>(decided.result().poolsBefore()));
          record.totalAmount = response.totalAmount();
          record.status = CaseStatus.DECIDED;
          record.submittedAt = now;
          record.persist();
          grants.record(
              record.owner,
              record.caseId,
              record.applicationDate,
              record.organizationId,
              record.personId,
              decided.result().decisions(),
              now);
          audit.record(
              "CASE_SUBMITTED",
              owner + "/" + record.caseId,
              AuditLog.Outcome.SUCCESS,
              Map.of(
                  "rulesetVersion", record.rulesetVersion,
                  "totalAmount", record.totalAmount,
                  "outcomes",
                      response.decisions().stream()
                          .map(d -> d.measure() + " " + d.outcome())
                          .toList()));
          CaseRecord.flush();
          return new Submission(view(record, response), true);
        });
  }

  /** The stored case, if there is one. */
  public Optional<CaseView> get(CaseRecord.Key key) {
    return QuarkusTransaction.requiringNew()
        .call(() -> find(key, LockModeType.NONE).map(this::view));
  }

  /**
   * Releases the case's grants back to their pools; they stay in the audit, marked withdrawn.
   * Idempotent. Empty when there is no such case.
   */
  public Optional<CaseView> withdraw(CaseRecord.Key key) {
    Optional<CaseView> withdrawn = withdrawn(key);
    pools.changed();
    return withdrawn;
  }

  private Optional<CaseView> withdrawn(CaseRecord.Key key) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                find(key, LockModeType.PESSIMISTIC_WRITE)
                    .map(
                        record -> {
                          if (record.status != CaseStatus.WITHDRAWN) {
                            grants.release(key.owner(), key.caseId());
                            record.status = CaseStatus.WITHDRAWN;
                            record.withdrawnAt = stamp();
                            audit.record(
                                "CASE_WITHDRAWN",
                                key.owner() + "/" + key.caseId(),
                                AuditLog.Outcome.SUCCESS,
                                Map.of("totalAmount", record.totalAmount));
                          }
                          return view(record);
                        }));
  }

  /**
   * Decides the stored input again, under the version and the ledger state it was decided with, and
   * says where the answer differs from the one recorded. Empty when there is no such case.
   */
  public Optional<ReplayView> replay(CaseRecord.Key key) {
    Optional<CaseRecord> found =
        QuarkusTransaction.requiringNew().call(() -> find(key, LockModeType.NONE));
    return found.map(
        record ->
            registry.withVersion(
                record.rulesetVersion,
                ruleset -> {
                  CaseRequest request = json.read(record.payload, CaseRequest.class);
                  Map<String, BigDecimal> before = json.read(record.poolsBefore, POOLS);
                  EvaluationResponse replayed =
                      evaluations.decide(ruleset, request, ClaimPool.of(before)).response();
                  JsonNode recorded = json.read(record.evaluation, JsonNode.class);
                  JsonNode now = json.tree(replayed);
                  List<String> differences = new ArrayList<>();
                  differences.addAll(
                      JsonDiff.between(
                          "/totalAmount", recorded.path("totalAmount"), now.path("totalAmount")));
                  differences.addAll(
                      JsonDiff.between(
                          "/decisions", recorded.path("decisions"), now.path("decisions")));
                  return new ReplayView(
                      key.caseId(),
                      record.rulesetVersion,
                      differences.isEmpty(),
                      differences,
                      replayed);
                }));
  }

  /**
   * The key of a case any system submitted (for auditors): with the owner given, that one; else the
   * one case of that id, if exactly one system used it.
   *
   * @throws AmbiguousCaseException when several systems used the id and no owner is given
   */
  public Optional<CaseRecord.Key> locate(String caseId, Optional<String> owner) {
    if (owner.isPresent()) {
      return Optional.of(new CaseRecord.Key(owner.get(), caseId));
    }
    List<String> owners =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    CaseRecord.<CaseRecord>list("caseId", caseId).stream()
                        .map(r -> r.owner)
                        .toList());
    if (owners.size() > 1) {
      throw new AmbiguousCaseException(caseId, owners);
    }
    return owners.stream().findFirst().map(o -> new CaseRecord.Key(o, caseId));
  }

  private static Optional<CaseRecord> find(CaseRecord.Key key, LockModeType lock) {
    return Optional.ofNullable(CaseRecord.findById(key, lock));
  }

  private CaseView view(CaseRecord record) {
    return view(record, json.read(record.evaluation, EvaluationResponse.class));
  }

  /**
   * The stored case; its input is the stored text as it is, so every answer about a case shows the
   * same input.
   */
  private CaseView view(CaseRecord record, EvaluationResponse e) {
    return new CaseView(
        e.caseId(),
        record.owner,
        e.rulesetVersion(),
        e.evaluatedAt(),
        e.totalAmount(),
        e.decisions(),
        record.status,
        record.submittedAt,
        record.withdrawnAt,
        json.raw(record.payload));
  }

  /** Now, to the millisecond: what the database keeps is what the first answer shows. */
  private static Instant stamp() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
