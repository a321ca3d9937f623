package gov.rizhao.skills.facts;

/** Kind of workstation (contract v1 vocabulary). */
public enum WorkstationKind {
  TECHNICIAN_WORKSTATION /* 技师工作站 */,
  SKILL_MASTER_WORKSTATION /* 特色技能大师工作站 */;
}
