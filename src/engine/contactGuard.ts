import type { Kysely } from 'kysely';
import { FailureReason } from '../core/enums.js';
import { calleeZone, checkDial, effectivePolicy } from '../core/policy/index.js';
import type { EffectivePolicy, NumberFacts, Verdict } from '../core/policy/types.js';
import type { JobGroup } from '../core/types.js';
import type { StoreCaps } from '../store/dialects.js';
import { getPolicySettings } from '../store/policy/getPolicySettings.js';
import { lockNumbers } from '../store/policy/lockNumbers.js';
import { matchNumbers } from '../store/policy/matchNumbers.js';
import { numberFacts, type StoredNumberFacts } from '../store/policy/numberFacts.js';
import type { Db, JobRow } from '../store/schema.js';

/** How long an instance's policy is used before it is read again: a change applies within this. */
const POLICY_TTL_MS = 5_000;

const NO_HISTORY: StoredNumberFacts = { recentDials: [], jobDials: [], lastAnsweredAt: null, emptyAt: null };

/**
 * The check every dial passes before a line is taken, whatever created the job: the instance's contact
 * policy (presets and its own settings) against the number's block and allow lists and its recent history
 * across all the instance's job groups. Runs inside the claim's transaction, a few queries per batch; the
 * caller records the allowed dials in that transaction.
 */
export interface ContactGuard {
  /** The policy in force for an instance (cached for a few seconds). */
  policyOf(db: Kysely<Db>, instanceId: string, now: number): Promise<EffectivePolicy>;
  /**
   * A verdict per job id for the jobs about to be dialled, under the group's instance `policy` (policyOf).
   * Jobs are weighed in the order given, each allowed one counting as a dial at `now` for the later jobs
   * with the same number (whether or not a line is then found for it). Under a per-number limit, the numbers
   * stay locked until the transaction ends, so that another engine's batch waits for these dials.
   */
  check(
    db: Kysely<Db>,
    group: JobGroup,
    policy: EffectivePolicy,
    jobs: readonly JobRow[],
    now: number,
  ): Promise<Map<string, Verdict>>;
}

export function createContactGuard(caps: StoreCaps): ContactGuard {
  const cache = new Map<string, { policy: EffectivePolicy; until: number }>();

  async function policyOf(db: Kysely<Db>, instanceId: string, now: number): Promise<EffectivePolicy> {
    const held = cache.get(instanceId);
    if (held && now < held.until) return held.policy;
    const stored = await getPolicySettings(db, instanceId);
    const policy = effectivePolicy(stored?.settings ?? { presets: [] });
    cache.set(instanceId, { policy, until: now + POLICY_TTL_MS });
    return policy;
  }

  return {
    policyOf,
    async check(db, group, policy, jobs, now) {
      const verdicts = new Map<string, Verdict>();
      if (jobs.length === 0) return verdicts;
      const numbers = jobs.map((j) => j.phone_number);
      const blocked = await matchNumbers(db, caps, group.instanceId, 'block', numbers, now, policy.useGlobalBlockList);
      const allowed = policy.allowListOnly
        ? await matchNumbers(db, caps, group.instanceId, 'allow', numbers, now, policy.useGlobalBlockList)
        : new Map();
      if (limitsPerNumber(policy)) await lockNumbers(db, caps, group.instanceId, numbers);
      const history = needsHistory(policy)
        ? await numberFacts(
            db,
            group.instanceId,
            jobs.map((j) => ({ jobId: j.id, number: j.phone_number })),
            now,
          )
        : new Map<string, StoredNumberFacts>();
      const allowedInBatch = new Map<string, number>();
      for (const job of jobs) {
        const entry = blocked.get(job.phone_number);
        const stored = history.get(job.id) ?? NO_HISTORY;
        const earlier = allowedInBatch.get(job.phone_number) ?? 0;
        const facts: NumberFacts = {
          ...stored,
          recentDials:
            earlier === 0 ? stored.recentDials : [...stored.recentDials, ...Array.from({ length: earlier }, () => now)],
          blocked: entry
            ? {
                pattern: entry.pattern,
                scope: entry.scope === group.instanceId ? 'instance' : 'global',
                reason: entry.reason,
              }
            : null,
          allowed: allowed.has(job.phone_number),
        };
        // The callee's zone matters only to a base period; parsing the number is the costly part.
        const zone = policy.basePeriod
          ? calleeZone(job.phone_number, job.time_zone, group.timeZone).zones
          : (job.time_zone ?? group.timeZone);
        const verdict = checkDial(policy, { now, number: job.phone_number, zone }, facts);
        if (verdict.kind === 'allow') allowedInBatch.set(job.phone_number, earlier + 1);
        verdicts.set(job.id, verdict);
      }
      return verdicts;
    },
  };
}

/** Rules that count dials to a number by any job, so two batches dialling one number must not overlap. */
function limitsPerNumber(p: EffectivePolicy): boolean {
  const n = p.perNumber;
  return n.perLocalDay !== null || n.per24h !== null || n.per7Days !== null || n.burst !== null;
}

function needsHistory(p: EffectivePolicy): boolean {
  return limitsPerNumber(p) || p.perJobPerDay !== null || p.emptyNumberDays > 0 || p.quietDaysAfterConversation > 0;
}

/** The job's FailureReason when a refusal, or a deferral no allowed instant follows, ends it. */
export function failureReasonOf(verdict: Exclude<Verdict, { kind: 'allow' }>): FailureReason {
  switch (verdict.reason) {
    case 'ContactBlockList':
      return FailureReason.ContactBlockList;
    case 'EmptyNumber':
      return FailureReason.EmptyNumber;
    case 'VerificationCancelled':
      return FailureReason.VerificationCancelled;
    case 'ContactSuspended':
      return FailureReason.ContactSuspended;
    case 'PerDayCallCountLimit':
      return FailureReason.PerDayCallCountLimit;
    case 'JobPerDayCallCountLimit':
      return FailureReason.JobPerDayCallCountLimit;
    default:
      return FailureReason.TimeUp;
  }
}
