import type { CompiledScript } from '../compileScript.js';
import type { CallFacts, CallGrade, Counters, SessionState } from '../runtime/types.js';
import type { GradingContext } from './gradingExpression.js';

const NO_COUNTERS: Counters = {
  affirmatives: 0,
  refusals: 0,
  businessHits: 0,
  knowledgeHits: 0,
  silences: 0,
  noMatches: 0,
  interruptions: 0,
  rounds: 0,
  nodesPassed: 0,
};

function outcomeOf(compiled: CompiledScript, state: SessionState | null): string {
  if (state?.ended == null) return '';
  const node = compiled.nodes.get(state.nodeId);
  return node?.type === 'hangup' ? node.outcome : '';
}

/**
 * Grades a call: the level of the first rule that holds (else the fallback) and its tags — the
 * tags of the nodes entered, then each tag rule that holds. Tag rules see the tags before them;
 * level rules see them all. `state` null = the call was never answered.
 */
export function gradeCall(compiled: CompiledScript, state: SessionState | null, facts: CallFacts): CallGrade {
  const { grading } = compiled;
  const tags = [...(state?.tags ?? [])];
  const ctx: GradingContext = {
    values: {
      ...(state?.counters ?? NO_COUNTERS),
      talkSeconds: facts.talkSeconds,
      answered: facts.answered ? 1 : 0,
      status: facts.status,
      ended: state?.ended ?? '',
      outcome: outcomeOf(compiled, state),
    },
    visited: state?.visited ?? [],
    hits: state?.hits ?? [],
    tags,
  };
  for (const rule of grading.tags) {
    if (rule.holds(ctx) && !tags.includes(rule.tag)) tags.push(rule.tag);
  }
  const fired = grading.levels.find((rule) => rule.holds(ctx));
  const level = fired?.level ?? grading.fallback;
  return { level, label: grading.labels[level], rule: fired?.rule ?? 'fallback', tags };
}
