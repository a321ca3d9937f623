package gov.rizhao.skills.facts;

import java.util.Set;

/**
 * The applicant or nominee. Always present in a session; {@code present} is false when the case has
 * none.
 */
public class Person {
  private final boolean present;
  private final String id;
  private final String name;
  private final SkillLevel qualification;
  private final boolean frontline;
  private final PersonRole role;
  private final boolean uniqueSkills;
  private final Set<TalentTitle> titles;
  private final Attributes attributes;

  public Person(
      boolean present,
      String id,
      String name,
      SkillLevel qualification,
      boolean frontline,
      PersonRole role,
      boolean uniqueSkills,
      Set<TalentTitle> titles) {
    this(present, id, name, qualification, frontline, role, uniqueSkills, titles, Attributes.NONE);
  }

  public Person(
      boolean present,
      String id,
      String name,
      SkillLevel qualification,
      boolean frontline,
      PersonRole role,
      boolean uniqueSkills,
      Set<TalentTitle> titles,
      Attributes attributes) {
    this.present = present;
    this.attributes = attributes;
    this.id = id;
    this.name = name;
    this.qualification = qualification;
    this.frontline = frontline;
    this.role = role;
    this.uniqueSkills = uniqueSkills;
    this.titles = Set.copyOf(titles);
  }

  public static Person absent() {
    return new Person(false, null, null, null, false, null, false, Set.of());
  }

  /** The declared facts the case sends about the person ({@code person.attributes}). */
  public Attributes getAttributes() {
    return attributes;
  }

  public boolean isPresent() {
    return present;
  }

  public String getId() {
    return id;
  }

  /** True when the person is there and has an id: what limits counted per person need. */
  public boolean isIdentified() {
    return present && id != null;
  }

  public String getName() {
    return name;
  }

  public SkillLevel getQualification() {
    return qualification;
  }

  public boolean isFrontline() {
    return frontline;
  }

  public PersonRole getRole() {
    return role;
  }

  public boolean isUniqueSkills() {
    return uniqueSkills;
  }

  public Set<TalentTitle> getTitles() {
    return titles;
  }

  /** True when the person holds the given level or a higher one. */
  public boolean qualifiedAtLeast(SkillLevel level) {
    return qualification != null && qualification.atLeast(level);
  }

  public boolean holds(TalentTitle title) {
    return titles.contains(title);
  }
}
