package gov.rizhao.skills.evaluation.service;

import gov.rizhao.skills.api.CaseRequest;
import gov.rizhao.skills.engine.CaseFacts;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.facts.Application;
import gov.rizhao.skills.facts.AttributeSubject;
import gov.rizhao.skills.facts.Attributes;
import gov.rizhao.skills.facts.CaseItem;
import gov.rizhao.skills.facts.Certificate;
import gov.rizhao.skills.facts.CompetitionResult;
import gov.rizhao.skills.facts.Delivery;
import gov.rizhao.skills.facts.Hire;
import gov.rizhao.skills.facts.Nomination;
import gov.rizhao.skills.facts.Organization;
import gov.rizhao.skills.facts.Person;
import gov.rizhao.skills.facts.TalentTitle;
import gov.rizhao.skills.facts.Training;
import gov.rizhao.skills.facts.Workstation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Maps a validated case onto the facts the rules see. An absent flag means "not stated", read as
 * false.
 */
public final class CaseFactsMapper {
  private CaseFactsMapper() {}

  /**
   * The case's facts, its attributes typed as the ruleset declares them (those it does not declare
   * are left out: {@link CaseAttributes#check} refuses them before a new case gets here).
   */
  public static CaseFacts toFacts(CaseRequest c, Ruleset ruleset) {
    Application application =
        new Application(
            c.caseId(),
            c.applicationDate(),
            c.measures() == null ? Set.of() : new LinkedHashSet<>(c.measures()),
            CaseAttributes.typed(ruleset, AttributeSubject.CASE, c.attributes()),
            null);
    Person person =
        c.person() == null
            ? Person.absent()
            : person(
                c.person(),
                CaseAttributes.typed(ruleset, AttributeSubject.PERSON, c.person().attributes()));
    Organization organization =
        c.organization() == null
            ? Organization.absent()
            : organization(
                c.organization(),
                CaseAttributes.typed(
                    ruleset, AttributeSubject.ORGANIZATION, c.organization().attributes()));
    List<CaseItem> items = new ArrayList<>();
    add(
        items,
        c.workstations(),
        (w, i) ->
            new Workstation(
                i,
                w.id(),
                w.kind(),
                w.field(),
                flag(w.recognized()),
                w.leaderQualification(),
                flag(w.leaderUniqueSkills())));
    add(items, c.deliveries(), (d, i) -> new Delivery(i, d.program(), d.year(), d.count()));
    add(items, c.nominations(), (n, i) -> new Nomination(i, n.honor(), n.year()));
    add(
        items,
        c.competitionResults(),
        (r, i) ->
            new CompetitionResult(
                i,
                r.name(),
                r.tier(),
                r.rank(),
                r.prize(),
                flag(r.skillStar()),
                flag(r.catalogOccupation()),
                flag(r.seniorWorkerStandard()),
                flag(r.passed()),
                r.date()));
    add(
        items,
        c.certificates(),
        (x, i) -> new Certificate(i, x.level(), x.route(), x.obtainedOn()));
    add(
        items,
        c.trainings(),
        (t, i) -> new Training(i, t.program(), t.level(), flag(t.appraisalPassed())));
    add(
        items,
        c.hires(),
        (h, i) ->
            new Hire(
                i,
                h.talentId(),
                h.title(),
                flag(h.fullTime()),
                flag(h.fromOutsideCity()),
                h.annualSalary(),
                flag(h.recognized())));
    return new CaseFacts(application, person, organization, items);
  }

  private static Person person(CaseRequest.Person p, Attributes attributes) {
    Set<TalentTitle> titles =
        p.titles() == null || p.titles().isEmpty() ? Set.of() : EnumSet.copyOf(p.titles());
    return new Person(
        true,
        p.id(),
        p.name(),
        p.qualification(),
        flag(p.frontline()),
        p.role(),
        flag(p.uniqueSkills()),
        titles,
        attributes);
  }

  private static Organization organization(CaseRequest.Organization o, Attributes attributes) {
    return new Organization(
        true,
        o.id(),
        o.name(),
        o.kind(),
        o.size(),
        flag(o.inRizhao()),
        flag(o.keyIndustry()),
        flag(o.publicTrainingBase()),
        attributes);
  }

  private static <T> void add(
      List<CaseItem> items, List<T> list, BiFunction<T, Integer, CaseItem> toFact) {
    if (list != null) {
      for (int i = 0; i < list.size(); i++) {
        items.add(toFact.apply(list.get(i), i));
      }
    }
  }

  private static boolean flag(Boolean b) {
    return Boolean.TRUE.equals(b);
  }
}
