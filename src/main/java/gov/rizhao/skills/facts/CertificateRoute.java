package gov.rizhao.skills.facts;

/** How a certificate was obtained (contract v1 vocabulary). */
public enum CertificateRoute {
  GOLDEN_BLUE_COLLAR /* 金蓝领培训 */,
  SOCIAL_ASSESSMENT /* 社会化考评 */,
  SKILL_COMPETITION /* 职业技能竞赛 */,
  OTHER;
}
