package gov.rizhao.skills.facts;

/**
 * A fact taken from one element of a list in the case. Its pointer (RFC 6901) is the subject of the
 * decisions made about it, e.g. {@code /hires/0}.
 */
public abstract class CaseItem {
  private final int index;
  private final String pointer;

  protected CaseItem(String list, int index) {
    this.index = index;
    this.pointer = "/" + list + "/" + index;
  }

  /** Position in its list, from 0. */
  public int getIndex() {
    return index;
  }

  public String getPointer() {
    return pointer;
  }
}
