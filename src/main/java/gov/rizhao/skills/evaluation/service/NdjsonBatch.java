package gov.rizhao.skills.evaluation.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import gov.rizhao.skills.api.CaseRequest;
import gov.rizhao.skills.engine.ClaimPool;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.engine.RulesetRegistry;
import gov.rizhao.skills.ledger.LedgerPools;
import gov.rizhao.skills.problem.InvalidInputException;
import gov.rizhao.skills.problem.Problem;
import gov.rizhao.skills.problem.ProblemException;
import gov.rizhao.skills.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Any number of cases as newline-delimited JSON, decided as they arrive and answered in order, one
 * line each: the evaluation, or the problem of that line (with its line number), so a bad line
 * never fails the others. One ruleset version decides the whole stream; every case is decided
 * against the ledger alone, as in the JSON batch. Memory stays flat: one line is held at a time, at
 * most {@code maxLineBytes} long.
 */
@ApplicationScoped
public class NdjsonBatch {
  /** Newline-delimited JSON. */
  public static final String MEDIA_TYPE = "application/x-ndjson";

  /** Answers written between flushes. */
  private static final int FLUSH_EVERY = 256;

  private final EvaluationService evaluations;
  private final RulesetRegistry registry;
  private final LedgerPools ledger;
  private final ObjectReader cases;
  private final ObjectMapper json;
  private final Validator validator;

  public NdjsonBatch(
      EvaluationService evaluations,
      RulesetRegistry registry,
      LedgerPools ledger,
      ObjectMapper json,
      Validator validator) {
    this.evaluations = evaluations;
    this.registry = registry;
    this.ledger = ledger;
    this.json = json;
    this.cases = json.readerFor(CaseRequest.class);
    this.validator = validator;
  }

  /** A problem of one line: its number (from 1) and the problem document. */
  public record LineProblem(long line, Problem problem) {}

  /** Reads cases from {@code in} to its end and writes an answer per case to {@code out}. */
  public void stream(InputStream in, OutputStream out, int maxLineBytes) throws IOException {
    registry.withRuleset(
        ruleset -> {
          try (JsonGenerator writer = json.getFactory().createGenerator(out)) {
            writer.setRootValueSeparator(null);
            ClaimPool pool = ledger.memoized();
            Lines lines = new Lines(in, maxLineBytes);
            long answered = 0;
            for (Lines.Line line = lines.next(); line != null; line = lines.next()) {
              if (line.blank()) {
                continue;
              }
              json.writeValue(writer, answer(line, ruleset, pool));
              writer.writeRaw('\n');
              if (++answered % FLUSH_EVERY == 0) {
                writer.flush();
              }
            }
            writer.flush();
            return null;
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  private Object answer(Lines.Line line, Ruleset ruleset, ClaimPool pool) {
    if (line.problem() != null) {
      return invalid(line.number(), List.of(new Problem.FieldError("", line.problem())));
    }
    try {
      CaseRequest request = cases.readValue(line.text());
      if (request == null) {
        return invalid(line.number(), List.of(new Problem.FieldError("", "a case is required")));
      }
      List<Problem.FieldError> errors = Violations.toErrors("", validator.validate(request));
      if (!errors.isEmpty()) {
        return invalid(line.number(), errors);
      }
      return evaluations.decide(ruleset, request, pool).response();
    } catch (JsonMappingException e) {
      return invalid(
          line.number(), List.of(new Problem.FieldError(pointer(e), e.getOriginalMessage())));
    } catch (JsonProcessingException e) {
      return invalid(line.number(), List.of(new Problem.FieldError("", e.getOriginalMessage())));
    } catch (InvalidInputException e) {
      return invalid(line.number(), e.errors());
    } catch (ProblemException e) {
      return new LineProblem(line.number(), e.toProblem());
    }
  }

  private static LineProblem invalid(long line, List<Problem.FieldError> errors) {
    return new LineProblem(
        line,
        new Problem(
            Problem.type("invalid-input"),
            "Invalid input",
            400,
            "Line " + line + " is not a case of the contract: see errors.",
            errors,
            List.of()));
  }

  private static String pointer(JsonMappingException e) {
    StringBuilder p = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      p.append('/')
          .append(
              r.getFieldName() != null
                  ? Violations.escape(r.getFieldName())
                  : String.valueOf(r.getIndex()));
    }
    return p.toString();
  }

  /**
   * The body's lines, each decoded as strict UTF-8 and at most {@code max} bytes; a line that is
   * longer, or not UTF-8, is a problem of that line and the next line is read as usual.
   */
  static final class Lines {
    record Line(long number, String text, String problem) {
      boolean blank() {
        return problem == null && text.isBlank();
      }
    }

    private final InputStream in;
    private final int max;
    private final CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long number;
    private boolean ended;

    Lines(InputStream in, int max) {
      this.in = in;
      this.max = max;
    }

    /** The next line, or null at the end of the body. */
    Line next() throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      boolean tooLong = false;
      boolean any = false;
      while (true) {
        if (position == limit) {
          if (ended) {
            break;
          }
          limit = in.read(buffer);
          position = 0;
          if (limit <= 0) {
            ended = true;
            limit = 0;
            break;
          }
        }
        any = true;
        int start = position;
        while (position < limit && buffer[position] != '\n') {
          position++;
        }
        int length = position - start;
        if (!tooLong) {
          if (bytes.size() + length > max) {
            tooLong = true;
            bytes.reset();
          } else {
            bytes.write(buffer, start, length);
          }
        }
        if (position < limit) {
          position++; // the newline
          return line(bytes, tooLong);
        }
      }
      return any && (bytes.size() > 0 || tooLong) ? line(bytes, tooLong) : null;
    }

    private Line line(ByteArrayOutputStream bytes, boolean tooLong) {
      number++;
      if (tooLong) {
        return new Line(number, "", "the line is longer than " + max + " bytes");
      }
      try {
        CharBuffer text = utf8.decode(ByteBuffer.wrap(bytes.toByteArray()));
        String s = text.toString();
        return new Line(number, s.endsWith("\r") ? s.substring(0, s.length() - 1) : s, null);
      } catch (CharacterCodingException e) {
        return new Line(number, "", "the line is not well-formed UTF-8");
      }
    }
  }
}
