package gov.rizhao.skills.facts;

/** A training the person took, with its appraisal (M07): {@code /trainings/i}. */
public class Training extends CaseItem {
  private final CertificateRoute program;
  private final SkillLevel level;
  private final boolean appraisalPassed;

  public Training(int index, CertificateRoute program, SkillLevel level, boolean appraisalPassed) {
    super("trainings", index);
    this.program = program;
    this.level = level;
    this.appraisalPassed = appraisalPassed;
  }

  public CertificateRoute getProgram() {
    return program;
  }

  public SkillLevel getLevel() {
    return level;
  }

  public boolean isAppraisalPassed() {
    return appraisalPassed;
  }
}
