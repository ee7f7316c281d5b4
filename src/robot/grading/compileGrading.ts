import type { Level, Script } from '../script/model.js';
import { DEFAULT_FALLBACK_LEVEL, DEFAULT_LABELS, defaultLevelRules } from './defaultLevels.js';
import { compileGradingExpression, type GradingPredicate, gradingRefsOf } from './gradingExpression.js';

export interface CompiledLevelRule {
  level: Level;
  /** Shown as the rule that fired: its `describe`, else its `when`. */
  rule: string;
  holds: GradingPredicate;
}

export interface CompiledGrading {
  levels: CompiledLevelRule[];
  fallback: Level;
  labels: Record<Level, string>;
  tags: { tag: string; holds: GradingPredicate }[];
}

/**
 * Compiles the script's grading once. Without `grading.levels` the shipped rules apply (their
 * fallback is C, as BaiYing's); throws RobotError `INVALID_GRADING` naming the bad expression's path.
 */
export function compileGrading(script: Script): CompiledGrading {
  const { grading, language } = script;
  const refs = gradingRefsOf(script);
  const levels =
    grading.levels === undefined
      ? defaultLevelRules(language).map((r, i) => ({
          level: r.level,
          rule: r.describe ?? r.when,
          holds: compileGradingExpression(r.when, `defaultLevels[${i}]`),
        }))
      : grading.levels.map((r, i) => ({
          level: r.level,
          rule: r.describe ?? r.when,
          holds: compileGradingExpression(r.when, `grading.levels[${i}].when`, refs),
        }));
  return {
    levels,
    fallback: grading.fallback ?? (grading.levels === undefined ? DEFAULT_FALLBACK_LEVEL : 'F'),
    labels: { ...DEFAULT_LABELS[language], ...grading.labels },
    tags: grading.tags.map((t, i) => ({
      tag: t.tag,
      holds: compileGradingExpression(t.when, `grading.tags[${i}].when`, refs),
    })),
  };
}
