package gov.rizhao.skills.facts;

/** Honour a person is nominated for (contract v1 vocabulary). */
public enum Honor {
  CHIEF_TECHNICIAN /* 首席技师 */,
  OUTSTANDING_TECHNICIAN /* 有突出贡献的技师 */;
}
