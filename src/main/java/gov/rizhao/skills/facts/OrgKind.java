package gov.rizhao.skills.facts;

/** Kind of organisation (contract v1 vocabulary). */
public enum OrgKind {
  ENTERPRISE /* 企业 */,
  INDUSTRY_BODY /* 行业（部门） */,
  TECHNICAL_COLLEGE /* 技工院校 */,
  VOCATIONAL_COLLEGE /* 职业院校 */,
  TRAINING_BASE /* 高技能人才培训基地 */,
  SOCIAL_ORGANIZATION /* 社会组织 */,
  STATE_UNIT /* 国家、省属驻日照单位 */,
  PUBLIC_INSTITUTION /* 事业单位 */,
  GOVERNMENT_AGENCY /* 机关 */;
}
