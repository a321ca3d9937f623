package gov.rizhao.skills.engine;

import gov.rizhao.skills.facts.Application;
import gov.rizhao.skills.facts.CaseItem;
import gov.rizhao.skills.facts.Organization;
import gov.rizhao.skills.facts.Person;
import java.util.List;

/** Everything the rules see of one case. */
public record CaseFacts(
    Application application, Person person, Organization organization, List<CaseItem> items) {}
