package gov.rizhao.skills.engine;

import gov.rizhao.skills.facts.Decision;
import gov.rizhao.skills.facts.Note;
import gov.rizhao.skills.facts.Outcome;
import java.util.List;

/** A decision once the rules have run and its quotas and caps were applied. */
public record EvaluatedDecision(Decision decision, Outcome outcome, List<Note> reasons, List<TraceStep> trace) {}
