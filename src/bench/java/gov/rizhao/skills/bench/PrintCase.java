package gov.rizhao.skills.bench;

/**
 * Prints a benchmark case as JSON, for the HTTP load scripts: {@code typical} or {@code
 * every-measure}.
 */
public final class PrintCase {
  public static void main(String[] args) {
    System.out.println(
        args.length > 0 && args[0].equals("every-measure")
            ? BenchCases.EVERY_MEASURE
            : BenchCases.TYPICAL);
  }
}
