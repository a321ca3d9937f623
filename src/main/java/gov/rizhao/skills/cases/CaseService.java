package gov.rizhao.skills.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import gov.rizhao.skills.engine.ClaimPool;
import gov.rizhao.skills.engine.EngineResult;
import gov.rizhao.skills.engine.EvaluatedDecision;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.engine.RulesetRegistry;
import gov.rizhao.skills.evaluation.api.CaseRequest;
import gov.rizhao.skills.evaluation.api.EvaluationResponse;
import gov.rizhao.skills.evaluation.service.EvaluationService;
import gov.rizhao.skills.facts.Outcome;
import gov.rizhao.skills.ledger.GrantRecord;
import gov.rizhao.skills.ledger.LedgerPools;
import gov.rizhao.skills.ledger.PoolStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.NotFoundException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
  private final RulesetArchive archive;
  private final LedgerPools pools;
  private final PoolStore poolStore;
  private final ObjectMapper json;

  public CaseService(
      EvaluationService evaluations,
      RulesetRegistry registry,
      RulesetArchive archive,
      LedgerPools pools,
      PoolStore poolStore,
      ObjectMapper json) {
    this.evaluations = evaluations;
    this.registry = registry;
    this.archive = archive;
    this.pools = pools;
    this.poolStore = poolStore;
    this.json = json;
  }

  /** A submission's answer: the case as stored, and whether this request created it. */
  public record Submission(CaseView view, boolean created) {}

  /**
   * Decides and records a case. The same case again returns what was stored; other content under
   * the same id is a conflict. Concurrent submissions of one id record it once.
   */
  public Submission submit(CaseRequest request) {
    EvaluationService.requireCase(request);
    evaluations.validate(request);
    String payload = canonical(request);
    String hash = sha256(payload);
    for (int attempt = 1; ; attempt++) {
      try {
        Submission submission =
            QuarkusTransaction.requiringNew()
                .call(
                    () -> {
                      Submission existing = stored(request.caseId(), hash);
                      return existing != null ? existing : record(request, payload, hash);
                    });
        if (submission.created()) {
          archive.committed(submission.view().rulesetVersion());
        }
        return submission;
      } catch (RuntimeException e) {
        if (!isDuplicateKey(e)) {
          throw e;
        }
        // Another request recorded this case id, or created a pool row, first: nothing of ours was
        // kept.
        Submission raced =
            QuarkusTransaction.requiringNew().call(() -> stored(request.caseId(), hash));
        if (raced != null) {
          return raced;
        }
        if (attempt == MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private Submission stored(String caseId, String hash) {
    CaseRecord record = CaseRecord.findById(caseId);
    if (record == null) {
      return null;
    }
    if (!record.payloadSha256.equals(hash)) {
      throw new CaseConflictException(caseId);
    }
    return new Submission(view(record, read(record.evaluation, EvaluationResponse.class)), false);
  }

  private Submission record(CaseRequest request, String payload, String hash) {
    return registry.withRuleset(
        ruleset -> {
          EngineResult result = EvaluationService.decide(ruleset, request, pools.locking());
          EvaluationResponse response = evaluations.respond(ruleset, request, result);
          archive.keep(ruleset);
          Instant now = stamp();
          CaseRecord record = new CaseRecord();
          record.caseId = request.caseId();
          record.payloadSha256 = hash;
          record.payload = payload;
          record.applicationDate = request.applicationDate();
          record.organizationId =
              request.organization() == null ? null : request.organization().id();
          record.personId = request.person() == null ? null : request.person().id();
          record.rulesetVersion = ruleset.version();
          record.evaluation = write(response);
          record.poolsBefore = write(new TreeMap<>(result.poolsBefore()));
          record.totalAmount = response.totalAmount();
          record.status = CaseRecord.Status.DECIDED;
          record.submittedAt = now;
          record.persist();
          for (EvaluatedDecision d : result.decisions()) {
            if (d.outcome() == Outcome.ELIGIBLE) {
              recordGrant(record, d, now);
            }
          }
          CaseRecord.flush();
          return new Submission(view(record, response), true);
        });
  }

  private void recordGrant(CaseRecord record, EvaluatedDecision d, Instant now) {
    GrantRecord grant = new GrantRecord();
    grant.caseId = record.caseId;
    grant.measure = d.decision().getMeasure();
    grant.subject = d.decision().getSubject();
    grant.year = record.applicationDate.getYear();
    grant.organizationId = record.organizationId;
    grant.personId = record.personId;
    grant.amount = d.decision().getAmount();
    grant.withdrawn = false;
    grant.createdAt = now;
    for (EvaluatedDecision.Taken t : d.taken()) {
      grant.claims.add(
          new GrantRecord.Taken(t.claim().scope(), t.claim().unit().name(), t.quantity()));
      poolStore.take(t.claim().scope(), t.quantity(), t.claim().limit());
    }
    grant.persist();
  }

  /** The stored case. */
  public CaseView get(String caseId) {
    return QuarkusTransaction.requiringNew().call(() -> view(find(caseId, LockModeType.NONE)));
  }

  /**
   * Releases the case's grants back to their pools; they stay in the audit, marked withdrawn.
   * Idempotent.
   */
  public CaseView withdraw(String caseId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              CaseRecord record = find(caseId, LockModeType.PESSIMISTIC_WRITE);
              if (record.status == CaseRecord.Status.WITHDRAWN) {
                return view(record);
              }
              List<GrantRecord> grants = GrantRecord.ofCase(caseId);
              Map<String, BigDecimal> released = new TreeMap<>();
              for (GrantRecord g : grants) {
                for (GrantRecord.Taken t : g.claims) {
                  released.merge(t.scope, t.quantity, BigDecimal::add);
                }
                g.withdrawn = true;
              }
              if (!released.isEmpty()) {
                poolStore.lockExisting(released.keySet());
                released.forEach(poolStore::giveBack);
              }
              record.status = CaseRecord.Status.WITHDRAWN;
              record.withdrawnAt = stamp();
              return view(record);
            });
  }

  /** Decides the stored input again, under the version and the ledger state it was decided with. */
  public ReplayView replay(String caseId) {
    CaseRecord record =
        QuarkusTransaction.requiringNew().call(() -> find(caseId, LockModeType.NONE));
    Ruleset current = registry.current();
    Ruleset ruleset =
        current.version().equals(record.rulesetVersion)
            ? current
            : QuarkusTransaction.requiringNew()
                .call(() -> archive.load(record.rulesetVersion))
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "the rule files of version "
                                + record.rulesetVersion
                                + " are not stored"));
    CaseRequest request = read(record.payload, CaseRequest.class);
    Map<String, BigDecimal> before = read(record.poolsBefore, POOLS);
    EngineResult result = EvaluationService.decide(ruleset, request, ClaimPool.of(before));
    EvaluationResponse replayed = evaluations.respond(ruleset, request, result);
    EvaluationResponse original = read(record.evaluation, EvaluationResponse.class);
    List<String> differences = new ArrayList<>();
    diff(
        "/totalAmount",
        json.valueToTree(original.totalAmount()),
        json.valueToTree(replayed.totalAmount()),
        differences);
    diff(
        "/decisions",
        json.valueToTree(original.decisions()),
        json.valueToTree(replayed.decisions()),
        differences);
    return new ReplayView(
        caseId, record.rulesetVersion, differences.isEmpty(), differences, replayed);
  }

  private static CaseRecord find(String caseId, LockModeType lock) {
    CaseRecord record = CaseRecord.findById(caseId, lock);
    if (record == null) {
      throw new NotFoundException("no case " + caseId);
    }
    return record;
  }

  private CaseView view(CaseRecord record) {
    return view(record, read(record.evaluation, EvaluationResponse.class));
  }

  /**
   * The stored case; its input is the stored text as it is, so every answer about a case shows the
   * same input.
   */
  private CaseView view(CaseRecord record, EvaluationResponse e) {
    return new CaseView(
        e.caseId(),
        e.rulesetVersion(),
        e.evaluatedAt(),
        e.totalAmount(),
        e.decisions(),
        record.status,
        record.submittedAt,
        record.withdrawnAt,
        json.getNodeFactory().rawValueNode(new RawValue(record.payload)));
  }

  /**
   * The case as JSON without null fields, numbers without trailing zeros: equal cases, equal text.
   */
  String canonical(CaseRequest request) {
    JsonNode tree = json.valueToTree(request);
    normalizeNumbers(tree);
    return write(tree);
  }

  private static void normalizeNumbers(JsonNode node) {
    if (node instanceof ObjectNode obj) {
      Iterator<Map.Entry<String, JsonNode>> fields = obj.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        if (f.getValue().isNull()) {
          fields.remove();
        } else if (f.getValue().isBigDecimal()) {
          f.setValue(DecimalNode.valueOf(f.getValue().decimalValue().stripTrailingZeros()));
        } else {
          normalizeNumbers(f.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(CaseService::normalizeNumbers);
    }
  }

  private static void diff(String at, JsonNode a, JsonNode b, List<String> out) {
    if (a.isNumber() && b.isNumber()) {
      if (a.decimalValue().compareTo(b.decimalValue()) != 0) {
        out.add(at);
      }
    } else if (a.isObject() && b.isObject()) {
      java.util.Set<String> names = new java.util.TreeSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        diff(at + "/" + n, a.path(n), b.path(n), out);
      }
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        diff(at + "/" + i, a.get(i), b.get(i), out);
      }
    } else if (!a.equals(b)) {
      out.add(at);
    }
  }

  private static boolean isDuplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.hibernate.exception.ConstraintViolationException) {
        return true;
      }
      if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON does not read back", e);
    }
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON does not read back", e);
    }
  }

  /** Now, to the millisecond: what the database keeps is what the first answer shows. */
  private static Instant stamp() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
