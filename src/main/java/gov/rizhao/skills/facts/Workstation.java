package gov.rizhao.skills.facts;

/** A workstation to be recognised (M01, M02): {@code /workstations/i}. */
public class Workstation extends CaseItem {
  private final String id;
  private final WorkstationKind kind;
  private final IndustryField field;
  private final boolean recognized;
  private final SkillLevel leaderQualification;
  private final boolean leaderUniqueSkills;

  public Workstation(
      int index,
      String id,
      WorkstationKind kind,
      IndustryField field,
      boolean recognized,
      SkillLevel leaderQualification,
      boolean leaderUniqueSkills) {
    super("workstations", index);
    this.id = id;
    this.kind = kind;
    this.field = field;
    this.recognized = recognized;
    this.leaderQualification = leaderQualification;
    this.leaderUniqueSkills = leaderUniqueSkills;
  }

  /** The caller's id for the workstation, if it gave one. */
  public String getId() {
    return id;
  }

  /** True when the workstation has an id: it is subsidised once, so it must be told from others. */
  public boolean isIdentified() {
    return getId() != null;
  }

  public WorkstationKind getKind() {
    return kind;
  }

  public IndustryField getField() {
    return field;
  }

  public boolean isRecognized() {
    return recognized;
  }

  public SkillLevel getLeaderQualification() {
    return leaderQualification;
  }

  public boolean isLeaderUniqueSkills() {
    return leaderUniqueSkills;
  }

  public boolean leaderAtLeast(SkillLevel level) {
    return leaderQualification != null && leaderQualification.atLeast(level);
  }
}
