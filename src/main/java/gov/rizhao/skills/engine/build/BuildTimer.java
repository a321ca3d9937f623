package gov.rizhao.skills.engine.build;

/** Milliseconds spent in each phase of a build, for the log and the benchmarks. */
final class BuildTimer {
  private final long started = System.nanoTime();
  private final StringBuilder text = new StringBuilder();
  private long last = started;

  void mark(String phase) {
    long now = System.nanoTime();
    text.append(text.length() == 0 ? "" : ", ")
        .append(phase)
        .append(' ')
        .append((now - last) / 1_000_000)
        .append(" ms");
    last = now;
  }

  long millis() {
    return (System.nanoTime() - started) / 1_000_000;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
