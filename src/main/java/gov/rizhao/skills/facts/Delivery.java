package gov.rizhao.skills.facts;

/** Skilled workers delivered to Rizhao enterprises in one year (M03): {@code /deliveries/i}. */
public class Delivery extends CaseItem {
  private final DeliveryProgram program;
  private final int year;
  private final int count;

  public Delivery(int index, DeliveryProgram program, int year, int count) {
    super("deliveries", index);
    this.program = program;
    this.year = year;
    this.count = count;
  }

  public DeliveryProgram getProgram() {
    return program;
  }

  public int getYear() {
    return year;
  }

  public int getCount() {
    return count;
  }
}
