package gov.rizhao.skills.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.rizhao.skills.config.SkillsConfig;
import gov.rizhao.skills.problem.Problem;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.UncheckedIOException;

/**
 * Request bodies are read whole on the event loop, before a worker thread is taken: a client that
 * sends its body slowly holds a connection, never a thread, and is answered 408 and disconnected
 * when the body has not arrived within {@code skills.body-read-timeout}. A body larger than {@code
 * skills.max-body-bytes} is answered 413 however it is sent (with a length or chunked). A request
 * to the API without credentials is not read at all: it is answered 401 first.
 */
@ApplicationScoped
public class BodyReading {
  private static final String DEADLINE = BodyReading.class.getName() + ".deadline";
  private static final String READ = BodyReading.class.getName() + ".read";

  /** Where rule files are uploaded. */
  public static final String UPLOAD_PATH = "/api/v1/rulesets";

  /** Where cases are streamed as newline-delimited JSON: read as they arrive, never whole. */
  public static final String STREAM_PATH = "/api/v1/evaluations/batch";

  /** Where the console uploads them (its session cookie is same-site only). */
  public static final String CONSOLE_UPLOAD_PATH = "/console/rulesets";

  void install(@Observes Router router, SkillsConfig config, ObjectMapper json) {
    long limit = config.maxBodyBytes();
    long deadline = config.bodyReadTimeout().toMillis();
    BodyHandler bodies = BodyHandler.create(false).setBodyLimit(limit);
    // Rule files are uploaded as multipart forms, to one address, with a limit of their own.
    BodyHandler uploads =
        BodyHandler.create(true)
            .setBodyLimit(config.maxUploadBytes())
            .setUploadsDirectory(
                java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "skills-uploads")
                    .toString())
            .setDeleteUploadedFilesOnEnd(true)
            .setMergeFormAttributes(true);
    // One order for the four: they run in the order added, before RESTEasy Reactive.
    int order = RouteConstants.ROUTE_ORDER_BODY_HANDLER;
    router
        .route()
        .order(order)
        .handler(
            ctx -> {
              HttpServerRequest request = ctx.request();
              if (!request.isEnded() && !streamed(request)) {
                long timer =
                    ctx.vertx()
                        .setTimer(
                            deadline,
                            id -> {
                              if (!request.isEnded() && !ctx.response().ended()) {
                                answer(
                                    ctx,
                                    json,
                                    Problem.of(
                                        408,
                                        "request-timeout",
                                        "Request body too slow",
                                        "The body did not arrive within "
                                            + config.bodyReadTimeout().toSeconds()
                                            + " s (skills.body-read-timeout)."));
                              }
                            });
                ctx.put(DEADLINE, timer);
                ctx.addEndHandler(v -> ctx.vertx().cancelTimer(timer));
              }
              ctx.next();
            });
    router
        .route()
        .order(order)
        .handler(
            ctx -> {
              // Nothing left to read (no body, or one read already, as in an HTTP/2 upgrade).
              if (ctx.request().isEnded()
                  || anonymousApiCall(ctx.request())
                  || streamed(ctx.request())) {
                ctx.next();
              } else {
                ctx.put(READ, Boolean.TRUE);
                (upload(ctx.request()) ? uploads : bodies).handle(ctx);
              }
            });
    router
        .route()
        .order(order)
        .handler(
            ctx -> {
              Long timer = ctx.get(DEADLINE);
              if (timer != null) {
                ctx.vertx().cancelTimer(timer);
              }
              // An empty body is no buffer to the body handler, and RESTEasy Reactive would then
              // wait
              // for a body that came and went: it gets an empty one.
              if (ctx.get(READ) != null && ctx.body().buffer() == null) {
                ((RoutingContextInternal) ctx).setBody(Buffer.buffer());
              }
              if (!ctx.response().ended()) {
                ctx.next();
              }
            });
    router
        .route()
        .order(order)
        .failureHandler(
            ctx -> {
              if (ctx.response().ended() || ctx.failure() instanceof HttpClosedException) {
                return; // answered already, or the client went away: nothing to say or log
              }
              if (ctx.statusCode() == 413) {
                String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
                answer(
                    ctx,
                    json,
                    Problem.of(
                        413,
                        "body-too-large",
                        "Request body too large",
                        (length == null
                                ? "The body is larger"
                                : "The body has " + length + " bytes")
                            + "; at most "
                            + (upload(ctx.request())
                                ? config.maxUploadBytes()
                                    + " are accepted (skills.max-upload-bytes)."
                                : limit + " are accepted (skills.max-body-bytes).")));
              } else {
                ctx.next();
              }
            });
  }

  /** An upload of rule files: the two addresses that take a multipart form. */
  static boolean upload(HttpServerRequest request) {
    String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
    return request.method() == io.vertx.core.http.HttpMethod.POST
        && (UPLOAD_PATH.equals(request.path()) || CONSOLE_UPLOAD_PATH.equals(request.path()))
        && type != null
        && type.toLowerCase().startsWith("multipart/form-data");
  }

  /**
   * Cases streamed as newline-delimited JSON: their body is read line by line by the endpoint, each
   * line bounded by skills.max-body-bytes, a stalled one by quarkus.http.read-timeout.
   */
  static boolean streamed(HttpServerRequest request) {
    String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
    return request.method() == io.vertx.core.http.HttpMethod.POST
        && STREAM_PATH.equals(request.path())
        && type != null
        && type.toLowerCase().startsWith("application/x-ndjson");
  }

  /** A call to the API with no credentials: answered 401 before its body is needed. */
  private static boolean anonymousApiCall(HttpServerRequest request) {
    return request.path().startsWith("/api/")
        && request.getHeader(HttpHeaders.AUTHORIZATION) == null;
  }

  private static void answer(RoutingContext ctx, ObjectMapper json, Problem problem) {
    HttpServerResponse response = ctx.response();
    if (response.headWritten()) {
      ctx.request().connection().close();
      return;
    }
    String body;
    try {
      body = json.writeValueAsString(problem.withInstance(ctx.request().path()));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    response
        .setStatusCode(problem.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaders.CONNECTION, "close");
    response.endHandler(v -> ctx.request().connection().close());
    response.end(body);
  }
}
