package gov.rizhao.skills.api;

import com.fasterxml.jackson.databind.JsonNode;
import gov.rizhao.skills.common.Ids;
import gov.rizhao.skills.facts.CertificateRoute;
import gov.rizhao.skills.facts.CompetitionTier;
import gov.rizhao.skills.facts.DeliveryProgram;
import gov.rizhao.skills.facts.Honor;
import gov.rizhao.skills.facts.IndustryField;
import gov.rizhao.skills.facts.MeasureInfo;
import gov.rizhao.skills.facts.OrgKind;
import gov.rizhao.skills.facts.OrgSize;
import gov.rizhao.skills.facts.PersonRole;
import gov.rizhao.skills.facts.Prize;
import gov.rizhao.skills.facts.SkillLevel;
import gov.rizhao.skills.facts.TalentTitle;
import gov.rizhao.skills.facts.WorkstationKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A case, as calling systems send it (contract v1). Every list is optional; an absent list, a
 * {@code null} one and an empty one are the same case. Ids are taken in Unicode NFC and must be of
 * the set {@link Ids} names.
 */
public record CaseRequest(
    @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.RULE) String caseId,
    @NotNull LocalDate applicationDate,
    @Size(max = 20) List<@NotNull @Pattern(regexp = MeasureInfo.ID_PATTERN) String> measures,
    @Valid Person person,
    @Valid Organization organization,
    @Size(max = 500) List<@NotNull @Valid Workstation> workstations,
    @Size(max = 500) List<@NotNull @Valid Delivery> deliveries,
    @Size(max = 500) List<@NotNull @Valid Nomination> nominations,
    @Size(max = 500) List<@NotNull @Valid CompetitionResult> competitionResults,
    @Size(max = 500) List<@NotNull @Valid Certificate> certificates,
    @Size(max = 500) List<@NotNull @Valid Training> trainings,
    @Size(max = 500) List<@NotNull @Valid Hire> hires,
    @Size(max = MAX_ATTRIBUTES) Map<String, JsonNode> attributes) {

  /**
   * Most declared facts one {@code attributes} object may carry. What each may be is declared by
   * the rules (the 事实 sheets), and checked against the version that decides the case.
   */
  public static final int MAX_ATTRIBUTES = 50;

  /** Ids compared as {@link Ids} says; an empty list is the same case as an absent one. */
  public CaseRequest {
    caseId = Ids.normalize(caseId);
    measures = present(measures);
    workstations = present(workstations);
    deliveries = present(deliveries);
    nominations = present(nominations);
    competitionResults = present(competitionResults);
    certificates = present(certificates);
    trainings = present(trainings);
    hires = present(hires);
  }

  /** The list, or null when it has nothing: absent, {@code null} and {@code []} mean one thing. */
  private static <T> List<T> present(List<T> list) {
    return list == null || list.isEmpty() ? null : list;
  }

  public record Person(
      @Pattern(regexp = Ids.PATTERN, message = Ids.RULE) String id,
      @Size(max = 200) String name,
      SkillLevel qualification,
      Boolean frontline,
      PersonRole role,
      Boolean uniqueSkills,
      @Size(max = 20) List<@NotNull TalentTitle> titles,
      @Size(max = MAX_ATTRIBUTES) Map<String, JsonNode> attributes) {
    public Person {
      id = Ids.normalize(id);
      titles = present(titles);
    }
  }

  public record Organization(
      @Pattern(regexp = Ids.PATTERN, message = Ids.RULE) String id,
      @Size(max = 200) String name,
      OrgKind kind,
      OrgSize size,
      Boolean inRizhao,
      Boolean keyIndustry,
      Boolean publicTrainingBase,
      @Size(max = MAX_ATTRIBUTES) Map<String, JsonNode> attributes) {
    public Organization {
      id = Ids.normalize(id);
    }
  }

  /**
   * {@code id} is an addition to v1: the caller's id of the workstation, so it is subsidised once.
   */
  public record Workstation(
      @Pattern(regexp = Ids.PATTERN, message = Ids.RULE) String id,
      @NotNull WorkstationKind kind,
      IndustryField field,
      Boolean recognized,
      SkillLevel leaderQualification,
      Boolean leaderUniqueSkills) {
    public Workstation {
      id = Ids.normalize(id);
    }
  }

  public record Delivery(
      @NotNull DeliveryProgram program,
      @NotNull @Min(1949) @Max(2999) Integer year,
      @NotNull @PositiveOrZero @Max(10_000_000) Integer count) {}

  public record Nomination(@NotNull Honor honor, @NotNull @Min(1949) @Max(2999) Integer year) {}

  public record CompetitionResult(
      @Size(max = 200) String name,
      @NotNull CompetitionTier tier,
      @Min(1) @Max(100_000) Integer rank,
      Prize prize,
      Boolean skillStar,
      Boolean catalogOccupation,
      Boolean seniorWorkerStandard,
      Boolean passed,
      LocalDate date) {}

  public record Certificate(
      @NotNull SkillLevel level, @NotNull CertificateRoute route, LocalDate obtainedOn) {}

  public record Training(
      @NotNull CertificateRoute program, @NotNull SkillLevel level, Boolean appraisalPassed) {}

  public record Hire(
      @Pattern(regexp = Ids.PATTERN, message = Ids.RULE) String talentId,
      @NotNull TalentTitle title,
      Boolean fullTime,
      Boolean fromOutsideCity,
      @PositiveOrZero @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 2) BigDecimal annualSalary,
      Boolean recognized) {
    public Hire {
      talentId = Ids.normalize(talentId);
    }
  }
}
