import { invalidField } from '../../core/errors.js';
import { compileNumberPattern } from './compileNumberPattern.js';
import { isSimStatusName, type SimStatusName } from './simStatusSignals.js';

/**
 * One scripted call. Fields left out are drawn from the profile (timings kept within the ring timeout, so
 * the status is exactly the one asked for); a `setupMs + ringMs` given beyond the timeout makes it NoAnswer.
 */
export interface SimOutcomeDetail {
  status: SimStatusName;
  /** Post-dial delay before ringing or the announcement. */
  setupMs?: number;
  /** Ringing until the answer or the rejection; for `announce` outcomes, the announcement. */
  ringMs?: number;
  /** Answered calls only. */
  talkMs?: number;
  sipCode?: number;
  hangupCause?: string;
  /** The line, not the callee, failed. Default: true for CallerNotRegistered, else false. */
  lineFailure?: boolean;
}

/** A status name (`'Busy'`) is short for `{ status: 'Busy' }`. */
export type SimOutcome = SimStatusName | SimOutcomeDetail;

/**
 * Scripted outcomes for the numbers that match `pattern` (see compileNumberPattern): the n-th dial of a
 * number (n from 0, counted per number) takes `outcomes[n]`, and the last one repeats.
 */
export interface OutcomeRule {
  pattern: string | RegExp;
  outcomes: readonly SimOutcome[];
}

export interface OutcomeRules {
  /** The scripted outcome of the n-th dial of `calledNumber`, from the first rule that matches; undefined when none does. */
  match(calledNumber: string, n: number): SimOutcomeDetail | undefined;
}

const TIMINGS = ['setupMs', 'ringMs', 'talkMs'] as const;

/** Validates the rules once (throwing VALIDATION_FAILED naming the field) and compiles their patterns. */
export function compileOutcomeRules(rules: readonly OutcomeRule[], path = 'rules'): OutcomeRules {
  const compiled = rules.map((rule, i) => {
    const at = `${path}[${i}]`;
    if (typeof rule.pattern !== 'string' && !(rule.pattern instanceof RegExp)) {
      throw invalidField(`${at}.pattern`, 'must be a glob string or a RegExp');
    }
    if (!Array.isArray(rule.outcomes) || rule.outcomes.length === 0) {
      throw invalidField(`${at}.outcomes`, 'must list at least one outcome');
    }
    return {
      regex: compileNumberPattern(rule.pattern),
      outcomes: rule.outcomes.map((o, j) => checkOutcome(o, `${at}.outcomes[${j}]`)),
    };
  });
  return {
    match(calledNumber, n) {
      for (const rule of compiled) {
        if (rule.regex.test(calledNumber)) return rule.outcomes[Math.min(n, rule.outcomes.length - 1)];
      }
      return undefined;
    },
  };
}

function checkOutcome(o: SimOutcome, at: string): SimOutcomeDetail {
  const detail: SimOutcomeDetail = typeof o === 'string' ? { status: o } : { ...o };
  if (!isSimStatusName(detail.status)) {
    throw invalidField(
      typeof o === 'string' ? at : `${at}.status`,
      `unknown outcome status '${String(detail.status)}'`,
    );
  }
  for (const key of TIMINGS) {
    const v = detail[key];
    if (v !== undefined && !(Number.isFinite(v) && v >= 0)) throw invalidField(`${at}.${key}`, 'must be ms ≥ 0');
  }
  if (detail.sipCode !== undefined && !Number.isInteger(detail.sipCode)) {
    throw invalidField(`${at}.sipCode`, 'must be an integer');
  }
  return detail;
}
