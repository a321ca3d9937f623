package gov.rizhao.skills.facts;

import java.time.LocalDate;

/** A qualification certificate the person obtained (M09): {@code /certificates/i}. */
public class Certificate extends CaseItem {
  private final SkillLevel level;
  private final CertificateRoute route;
  private final LocalDate obtainedOn;

  public Certificate(int index, SkillLevel level, CertificateRoute route, LocalDate obtainedOn) {
    super("certificates", index);
    this.level = level;
    this.route = route;
    this.obtainedOn = obtainedOn;
  }

  public SkillLevel getLevel() {
    return level;
  }

  public CertificateRoute getRoute() {
    return route;
  }

  public LocalDate getObtainedOn() {
    return obtainedOn;
  }
}
