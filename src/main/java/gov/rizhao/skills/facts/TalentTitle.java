package gov.rizhao.skills.facts;

/** Talent titles (contract v1 vocabulary). */
public enum TalentTitle {
  CHINA_SKILL_AWARD /* 中华技能大奖 */,
  NATIONAL_TECHNICAL_EXPERT /* 全国技术能手 */,
  QILU_CHIEF_TECHNICIAN /* 齐鲁首席技师 */,
  PROVINCIAL_TECHNICAL_EXPERT /* 山东省技术能手 */,
  RIZHAO_CHIEF_TECHNICIAN /* 日照市首席技师 */,
  RIZHAO_TECHNICAL_EXPERT /* 日照市技术能手 */,
  OTHER;
}
