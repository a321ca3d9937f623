package gov.rizhao.skills.facts;

/** The person's role (contract v1 vocabulary). */
public enum PersonRole {
  WORKER /* 一线/在职职工 */,
  PROFESSIONAL_TEACHER /* 院校专业教师 */,
  OTHER;
}
