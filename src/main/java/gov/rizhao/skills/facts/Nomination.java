package gov.rizhao.skills.facts;

/** A nomination for an honour in a selection year (M04, M05): {@code /nominations/i}. */
public class Nomination extends CaseItem {
  private final Honor honor;
  private final int year;

  public Nomination(int index, Honor honor, int year) {
    super("nominations", index);
    this.honor = honor;
    this.year = year;
  }

  public Honor getHonor() {
    return honor;
  }

  public int getYear() {
    return year;
  }
}
