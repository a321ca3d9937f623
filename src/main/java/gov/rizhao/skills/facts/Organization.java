package gov.rizhao.skills.facts;

/**
 * The person's employer, or the applying organisation. Always present; {@code present} is false
 * when absent.
 */
public class Organization {
  private final boolean present;
  private final String id;
  private final String name;
  private final OrgKind kind;
  private final OrgSize size;
  private final boolean inRizhao;
  private final boolean keyIndustry;
  private final boolean publicTrainingBase;
  private final Attributes attributes;

  public Organization(
      boolean present,
      String id,
      String name,
      OrgKind kind,
      OrgSize size,
      boolean inRizhao,
      boolean keyIndustry,
      boolean publicTrainingBase) {
    this(present, id, name, kind, size, inRizhao, keyIndustry, publicTrainingBase, Attributes.NONE);
  }

  public Organization(
      boolean present,
      String id,
      String name,
      OrgKind kind,
      OrgSize size,
      boolean inRizhao,
      boolean keyIndustry,
      boolean publicTrainingBase,
      Attributes attributes) {
    this.present = present;
    this.attributes = attributes;
    this.id = id;
    this.name = name;
    this.kind = kind;
    this.size = size;
    this.inRizhao = inRizhao;
    this.keyIndustry = keyIndustry;
    this.publicTrainingBase = publicTrainingBase;
  }

  public static Organization absent() {
    return new Organization(false, null, null, null, null, false, false, false);
  }

  /** The declared facts the case sends about the organization ({@code organization.attributes}). */
  public Attributes getAttributes() {
    return attributes;
  }

  public boolean isPresent() {
    return present;
  }

  public String getId() {
    return id;
  }

  /**
   * True when the organisation is there and has an id: what limits counted per organisation need.
   */
  public boolean isIdentified() {
    return present && id != null;
  }

  public String getName() {
    return name;
  }

  public OrgKind getKind() {
    return kind;
  }

  public OrgSize getSize() {
    return size;
  }

  public boolean isInRizhao() {
    return inRizhao;
  }

  public boolean isKeyIndustry() {
    return keyIndustry;
  }

  public boolean isPublicTrainingBase() {
    return publicTrainingBase;
  }
}
