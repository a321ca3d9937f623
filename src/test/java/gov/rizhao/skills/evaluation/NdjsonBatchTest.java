package gov.rizhao.skills.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.rizhao.skills.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.parsetools.RecordParser;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The streaming batch: cases as newline-delimited JSON in, one answer line per case out, in order;
 * a bad line is answered with its own problem and the others are decided; a stream far larger than
 * any one body may be is read and answered as it flows.
 */
@QuarkusTest
class NdjsonBatchTest {
  private static final String NDJSON = "application/x-ndjson";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/api/v1/evaluations/batch")
  URL batch;

  private String token;

  @BeforeEach
  void caller() {
    token = Tokens.caller("ndjson-system");
  }

  private static String expert(String id) {
    return """
        {"caseId":"%s","applicationDate":"2021-06-01","person":{"id":"P-%s","qualification":"SENIOR_WORKER","frontline":true,"role":"WORKER"},"competitionResults":[{"tier":"PROVINCIAL_CLASS_1","rank":4}]}"""
        .formatted(id, id);
  }

  private HttpResponse<Stream<String>> send(HttpRequest.BodyPublisher body) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(batch.toString()))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", NDJSON)
                .header("Accept", NDJSON)
                .POST(body)
                .build(),
            HttpResponse.BodyHandlers.ofLines());
  }

  @Test
  void eachLineIsAnsweredInOrderAndABadLineFailsOnlyItself() throws Exception {
    String body =
        String.join(
            "\n",
            expert("ND-1"),
            "",
            "{\"caseId\":\"ND-2\",\"applicationDate\":\"2021-02-30\"}",
            "not json at all",
            "{\"caseId\":\"ND-3\",\"applicationDate\":\"2021-06-01\",\"measures\":[\"NOSUCHMEASURE\"]}",
            expert("ND-4"));
    HttpResponse<Stream<String>> answer = send(HttpRequest.BodyPublishers.ofString(body + "\n"));
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith(NDJSON);
    List<JsonNode> lines = answer.body().map(NdjsonBatchTest::parse).toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0).path("caseId").asText()).isEqualTo("ND-1");
    assertThat(lines.get(0).path("decisions").size()).isPositive();
    assertThat(lines.get(1).path("line").asLong()).isEqualTo(3);
    assertThat(lines.get(1).path("problem").path("status").asInt()).isEqualTo(400);
    assertThat(lines.get(1).path("problem").path("errors").get(0).path("pointer").asText())
        .isEqualTo("/applicationDate");
    assertThat(lines.get(2).path("line").asLong()).isEqualTo(4);
    assertThat(lines.get(3).path("line").asLong()).isEqualTo(5);
    assertThat(lines.get(3).path("problem").path("errors").get(0).path("pointer").asText())
        .isEqualTo("/measures/0");
    assertThat(lines.get(4).path("caseId").asText()).isEqualTo("ND-4");
  }

  /**
   * 20,000 cases (about 5 MB: five times what one JSON body may be), written as the service reads
   * them and answers read as they come, as a streaming client does (Vert.x's client: the JDK's
   * sends the whole body before it reads the answer).
   */
  @Test
  void aStreamManyTimesLargerThanABodyIsDecidedAsItFlows() throws Exception {
    int count = 20_000;
    Vertx vertx = Vertx.vertx();
    try {
      HttpClient client = vertx.createHttpClient();
      CompletableFuture<Long> done = new CompletableFuture<>();
      AtomicLong answered = new AtomicLong();
      client
          .request(HttpMethod.POST, batch.getPort(), batch.getHost(), batch.getPath())
          .onFailure(done::completeExceptionally)
          .onSuccess(
              request -> {
                request
                    .setChunked(true)
                    .putHeader("Authorization", "Bearer " + token)
                    .putHeader("Content-Type", NDJSON);
                request
                    .response()
                    .onFailure(done::completeExceptionally)
                    .onSuccess(
                        response -> {
                          if (response.statusCode() != 200) {
                            done.completeExceptionally(
                                new AssertionError("status " + response.statusCode()));
                          }
                          response.handler(
                              RecordParser.newDelimited(
                                  "\n",
                                  line -> {
                                    long n = answered.getAndIncrement();
                                    String id = parse(line.toString()).path("caseId").asText();
                                    if (!id.equals("ND-BIG-" + n)) {
                                      done.completeExceptionally(
                                          new AssertionError("answer " + n + " is for " + id));
                                    }
                                  }));
                          response.exceptionHandler(done::completeExceptionally);
                          response.endHandler(v -> done.complete(answered.get()));
                        });
                write(request, 0, count);
              });
      assertThat(done.get(180, TimeUnit.SECONDS)).isEqualTo(count);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /** Writes cases {@code from} to {@code count}, pausing while the connection's queue is full. */
  private static void write(HttpClientRequest request, int from, int count) {
    int i = from;
    while (i < count && !request.writeQueueFull()) {
      request.write(expert("ND-BIG-" + i) + "\n");
      i++;
    }
    if (i == count) {
      request.end();
    } else {
      int next = i;
      request.drainHandler(v -> write(request, next, count));
    }
  }

  @Test
  void aStreamNeedsAToken() throws Exception {
    token = "not-a-token";
    assertThat(send(HttpRequest.BodyPublishers.ofString(expert("ND-X"))).statusCode())
        .isEqualTo(401);
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new AssertionError(line, e);
    }
  }
}
