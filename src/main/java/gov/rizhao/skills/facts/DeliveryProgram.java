package gov.rizhao.skills.facts;

/** How skilled workers were delivered to Rizhao enterprises (contract v1 vocabulary). */
public enum DeliveryProgram {
  GRADUATE_PLACEMENT /* 院校向企业输送 */,
  CONTINUING_TRAINING /* 基地继续培训输送 */;
}
