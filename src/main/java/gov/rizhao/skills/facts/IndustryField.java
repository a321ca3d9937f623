package gov.rizhao.skills.facts;

/** Industry field of a workstation (contract v1 vocabulary). */
public enum IndustryField {
  HIGH_PRECISION_MACHINING /* 高精机械加工 */,
  TRADITIONAL_CRAFTS /* 传统技艺传承 */,
  FEATURED_INDUSTRY /* 特色产业 */,
  HIGH_TECH_INDUSTRY /* 高新技术产业/高科技产业 */,
  PILLAR_INDUSTRY /* 支柱产业 */,
  STRATEGIC_EMERGING_INDUSTRY /* 战略性新兴产业 */,
  ADVANCED_MANUFACTURING /* 先进制造业 */,
  MODERN_SERVICES /* 现代服务业 */,
  URGENTLY_NEEDED_FIELD /* 急需紧缺行业（领域） */,
  OTHER;
}
