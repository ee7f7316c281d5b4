import { invalidField } from '../errors.js';
import { isBasePeriodOpen, nextBasePeriodOpening } from './basePeriodOpening.js';
import { describePeriod } from './clockWindows.js';
import { localDayLimitUntil, rollingLimitUntil } from './dialCounts.js';
import type { EffectivePolicy, NumberFacts, Verdict } from './types.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** How far ahead a closed base period is searched for an opening. */
const BASE_PERIOD_HORIZON = 14 * DAY;

type Deferral = Extract<Verdict, { kind: 'defer' }>;
type Refusal = Extract<Verdict, { kind: 'refuse' }>;

export interface DialRequest {
  /** UTC ms. */
  now: number;
  /** E.164. */
  number: string;
  /** The callee's zone, or all of them when the number's country spans several (see calleeZone). */
  zone: string | string[];
}

function sourced(policy: EffectivePolicy, key: string, text: string): string {
  const source = policy.sources[key];
  return source === undefined ? text : `${text} (${source})`;
}

function refusal(policy: EffectivePolicy, now: number, facts: NumberFacts): Refusal | null {
  const blocked = facts.blocked;
  if (blocked !== null && (blocked.scope === 'instance' || policy.useGlobalBlockList)) {
    const why = blocked.reason === '' ? '' : ` (${blocked.reason})`;
    return {
      kind: 'refuse',
      reason: 'ContactBlockList',
      rule: `${blocked.scope} block list: ${blocked.pattern}${why}`,
    };
  }
  if (policy.allowListOnly && !facts.allowed) {
    return { kind: 'refuse', reason: 'ContactBlockList', rule: sourced(policy, 'allowListOnly', 'allow list only') };
  }
  const days = policy.emptyNumberDays;
  if (days > 0 && facts.emptyAt !== null && now < facts.emptyAt + days * DAY) {
    const since = new Date(facts.emptyAt).toISOString();
    return {
      kind: 'refuse',
      reason: 'EmptyNumber',
      rule: sourced(policy, 'emptyNumberDays', `empty number: not dialled for ${days} days after ${since}`),
    };
  }
  return null;
}

/** The deferral with the latest `until` among the rules that block a dial at t (ties: the first listed). */
function latestDeferral(
  policy: EffectivePolicy,
  zones: readonly string[],
  t: number,
  facts: NumberFacts,
): { deferral: Deferral; final: boolean } | null {
  let best: Deferral | null = null;
  const consider = (until: number | null, reason: Deferral['reason'], key: string, text: string): void => {
    if (until !== null && (best === null || until > best.until)) {
      best = { kind: 'defer', reason, until, rule: sourced(policy, key, text) };
    }
  };

  const period = policy.basePeriod;
  if (period !== null && !isBasePeriodOpen(period, zones, t)) {
    const text = `base period: ${describePeriod(period)} callee-local in ${zones.join(', ')}`;
    const opening = nextBasePeriodOpening(period, zones, t, BASE_PERIOD_HORIZON);
    if (opening === null) {
      // No opening within the horizon: look again then, whatever else applies.
      const rule = sourced(policy, 'basePeriod', `${text}, not open within 14 days`);
      return { deferral: { kind: 'defer', reason: 'BasePeriod', until: t + BASE_PERIOD_HORIZON, rule }, final: true };
    }
    consider(opening, 'BasePeriod', 'basePeriod', text);
  }

  const home = zones[0]!;
  const { perLocalDay, per24h, per7Days, burst } = policy.perNumber;
  const dials = facts.recentDials;
  if (perLocalDay !== null) {
    consider(
      localDayLimitUntil(dials, perLocalDay, home, t),
      'PerDayCallCountLimit',
      'perNumber.perLocalDay',
      `per number: ${perLocalDay} per local day`,
    );
  }
  if (per24h !== null) {
    consider(
      rollingLimitUntil(dials, per24h, 24 * HOUR, t),
      'PerDayCallCountLimit',
      'perNumber.per24h',
      `per number: ${per24h} per 24 h`,
    );
  }
  if (per7Days !== null) {
    consider(
      rollingLimitUntil(dials, per7Days, 7 * DAY, t),
      'PerDayCallCountLimit',
      'perNumber.per7Days',
      `per number: ${per7Days} per 7 days`,
    );
  }
  if (burst !== null) {
    consider(
      rollingLimitUntil(dials, burst.count, burst.minutes * MINUTE, t),
      'PerDayCallCountLimit',
      'perNumber.burst',
      `per number: ${burst.count} per ${burst.minutes} min`,
    );
  }
  if (policy.perJobPerDay !== null) {
    consider(
      localDayLimitUntil(facts.jobDials, policy.perJobPerDay, home, t),
      'JobPerDayCallCountLimit',
      'perJobPerDay',
      `per job: ${policy.perJobPerDay} per local day`,
    );
  }
  const quiet = policy.quietDaysAfterConversation;
  if (quiet > 0 && facts.lastAnsweredAt !== null && t < facts.lastAnsweredAt + quiet * DAY) {
    consider(
      facts.lastAnsweredAt + quiet * DAY,
      'QuietPeriod',
      'quietDaysAfterConversation',
      `quiet period: ${quiet} days after a conversation`,
    );
  }
  return best === null ? null : { deferral: best, final: false };
}

/** Rounds of "move to the latest deferral, look again" before the answer is returned as it stands. */
const MAX_ROUNDS = 32;

/**
 * Whether a dial to one number may be placed at `dial.now`, under an instance's effective policy and what
 * the store knows about the number. Pure: time is `dial.now`, facts are given.
 *
 * Refusals (the job fails), in this order: a block list entry (an instance entry always, a global one unless
 * the policy turns the global list off) → ContactBlockList; allow-list-only and the number is not on it →
 * ContactBlockList; the number was found empty less than emptyNumberDays × 24 h ago → EmptyNumber.
 *
 * Deferrals (the job waits until `until`): the base period is closed in any of the zones → BasePeriod, until
 * the earliest instant it is open in all of them (searched 14 days ahead; none → until now + 14 days);
 * per-number limits → PerDayCallCountLimit: perLocalDay counts the calendar day in the first zone and waits
 * for the next local midnight, per24h / per7Days / burst are rolling windows closed at both ends and wait
 * until enough counted dials have left (+1 ms); perJobPerDay → JobPerDayCallCountLimit, the job's next
 * local day (first zone); quietDaysAfterConversation → QuietPeriod, until lastAnsweredAt + days × 24 h.
 * When several rules block, `until` must satisfy all: the latest one is taken, then the rules are checked
 * again at that instant (an opening found for a limit may fall outside the base period), until none blocks.
 * The verdict's rule is the one that set the final `until`. Verification and opt-out are not decided here.
 *
 * Throws VALIDATION_FAILED (field `zone`) for an empty zone list, or an unknown zone once a rule reads it.
 */
export function checkDial(policy: EffectivePolicy, dial: DialRequest, facts: NumberFacts): Verdict {
  const zones = typeof dial.zone === 'string' ? [dial.zone] : dial.zone;
  if (zones.length === 0) throw invalidField('zone', 'at least one zone is required');
  const refused = refusal(policy, dial.now, facts);
  if (refused !== null) return refused;

  let t = dial.now;
  let last: Deferral | null = null;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const found = latestDeferral(policy, zones, t, facts);
    if (found === null) break;
    last = found.deferral;
    t = last.until;
    if (found.final) break;
  }
  return last ?? { kind: 'allow' };
}
