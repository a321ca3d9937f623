package gov.rizhao.skills.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends N generated cases through POST /api/v1/evaluations/batch in batches of B, with C requests
 * in flight, and prints the wall time and cases per second. Responses are read and discarded.
 *
 * <p>Usage: BatchDriver baseUrl cases batchSize concurrency
 */
public final class BatchDriver {
  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://localhost:8080";
    int cases = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    String template = BenchCases.TYPICAL.replace("\n", "");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    AtomicLong failures = new AtomicLong();
    int batches = (cases + batch - 1) / batch;
    long started = System.nanoTime();
    List<Future<?>> sent = new ArrayList<>();
    for (int b = 0; b < batches; b++) {
      int first = b * batch;
      int size = Math.min(batch, cases - first);
      sent.add(
          pool.submit(
              () -> {
                StringBuilder body = new StringBuilder(size * (template.length() + 8)).append('[');
                for (int i = 0; i < size; i++) {
                  if (i > 0) {
                    body.append(',');
                  }
                  body.append(template.replace("BENCH-TYPICAL", "B-" + (first + i)));
                }
                body.append(']');
                HttpRequest request =
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/evaluations/batch"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN"))
                        .timeout(Duration.ofMinutes(5))
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                body.toString(), StandardCharsets.UTF_8))
                        .build();
                HttpResponse<Void> response =
                    http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                  failures.incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> f : sent) {
      f.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    System.out.printf(
        "batch: %d cases in %d requests of %d, %d in flight: %.1f s, %.0f cases/s, %d failed requests"
            + ", client CPU %d ms%n",
        cases,
        batches,
        batch,
        concurrency,
        seconds,
        cases / seconds,
        failures.get(),
        ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L));
    if (failures.get() > 0) {
      System.exit(1);
    }
  }
}
