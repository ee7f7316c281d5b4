import { intersectWindows } from './clockWindows.js';
import { PRESETS, type PresetRules } from './presets.js';
import type { EffectivePolicy, PolicySettings } from './types.js';

/** One contributor of rules: a preset (with its citations) or the instance's own settings. */
interface Contribution {
  rules: PresetRules;
  /** The audit text for rule `key` from this contributor. */
  source(key: string): string;
}

interface Sourced<T> {
  value: T;
  source: string;
}

function contributions(settings: PolicySettings): Contribution[] {
  const out: Contribution[] = [...new Set(settings.presets)].map((name) => {
    const preset = PRESETS[name];
    return { rules: preset.settings, source: (key) => `${name}: ${preset.sources[key] ?? preset.description}` };
  });
  out.push({ rules: settings, source: () => 'settings' });
  return out;
}

/** The smallest (tightest) of the given limits; on a tie the earlier contributor keeps the credit. */
function smallest(all: Contribution[], key: string, pick: (r: PresetRules) => number | undefined) {
  let best: Sourced<number> | null = null;
  for (const c of all) {
    const v = pick(c.rules);
    if (v !== undefined && (best === null || v < best.value)) best = { value: v, source: c.source(key) };
  }
  return best;
}

/** The largest (tightest) of the given minimums; 0 (off) when none is given. */
function largest(all: Contribution[], key: string, pick: (r: PresetRules) => number | undefined) {
  let best: Sourced<number> | null = null;
  for (const c of all) {
    const v = pick(c.rules);
    if (v !== undefined && v > 0 && (best === null || v > best.value)) best = { value: v, source: c.source(key) };
  }
  return best;
}

/**
 * Bursts are not ordered (3 per 5 min vs 2 per 10 min), so several combine into the one that implies all of
 * them: the smallest count over the longest span.
 */
function tightestBurst(all: Contribution[]): Sourced<{ count: number; minutes: number }> | null {
  let count = Number.POSITIVE_INFINITY;
  let minutes = 0;
  const sources: string[] = [];
  for (const c of all) {
    const b = c.rules.perNumber?.burst;
    if (b === undefined) continue;
    count = Math.min(count, b.count);
    minutes = Math.max(minutes, b.minutes);
    sources.push(c.source('perNumber.burst'));
  }
  if (sources.length === 0) return null;
  const sole = all.find((c) => {
    const b = c.rules.perNumber?.burst;
    return b !== undefined && b.count === count && b.minutes === minutes;
  });
  return {
    value: { count, minutes },
    source: sole !== undefined ? sole.source('perNumber.burst') : [...new Set(sources)].join('; '),
  };
}

/** Days ∩ and windows ∩ of every base period given; null when none is. */
function intersectedBasePeriod(all: Contribution[]): Sourced<NonNullable<EffectivePolicy['basePeriod']>> | null {
  const given = all.filter((c) => c.rules.basePeriod !== undefined);
  if (given.length === 0) return null;
  let days = [0, 1, 2, 3, 4, 5, 6];
  let windows = [{ begin: '00:00', end: '24:00' }];
  for (const c of given) {
    const period = c.rules.basePeriod!;
    days = days.filter((d) => period.days.includes(d));
    windows = intersectWindows(windows, period.windows);
  }
  return { value: { days, windows }, source: [...new Set(given.map((c) => c.source('basePeriod')))].join('; ') };
}

/**
 * The rules in force for an instance: its adopted presets (in order) and then its own settings, merged so
 * that the tightest value of each rule wins — the smaller count limit, the larger ring time / empty-number
 * days / quiet days, allow-list-only if any asks for it, base periods intersected (days ∩, windows ∩; an
 * empty result means calls are never allowed). Bursts merge as the smallest count over the longest span.
 * The global block list is consulted unless the settings turn it off. The verification hook comes from the
 * settings. `sources` names, for each rule in force, the preset with its regulation (`cn-carrier: Tencent
 * CCC carrier rules`) or `settings`, several joined by `; ` when they combine; keys are the rule's path:
 * basePeriod, perNumber.perLocalDay, perNumber.per24h, perNumber.per7Days, perNumber.burst, perJobPerDay,
 * emptyNumberDays, quietDaysAfterConversation, minRingSeconds, allowListOnly, useGlobalBlockList, verification.
 */
export function effectivePolicy(settings: PolicySettings): EffectivePolicy {
  const all = contributions(settings);
  const sources: Record<string, string> = {};
  const record = <T>(key: string, s: Sourced<T> | null): T | null => {
    if (s === null) return null;
    sources[key] = s.source;
    return s.value;
  };

  type Pick = (r: PresetRules) => number | undefined;
  const min = (key: string, pick: Pick) => record(key, smallest(all, key, pick));
  const max = (key: string, pick: Pick) => record(key, largest(all, key, pick)) ?? 0;

  const basePeriod = record('basePeriod', intersectedBasePeriod(all));
  const perNumber = {
    perLocalDay: min('perNumber.perLocalDay', (r) => r.perNumber?.perLocalDay),
    per24h: min('perNumber.per24h', (r) => r.perNumber?.per24h),
    per7Days: min('perNumber.per7Days', (r) => r.perNumber?.per7Days),
    burst: record('perNumber.burst', tightestBurst(all)),
  };
  const perJobPerDay = min('perJobPerDay', (r) => r.perJobPerDay);
  const emptyNumberDays = max('emptyNumberDays', (r) => r.emptyNumberDays);
  const quietDaysAfterConversation = max('quietDaysAfterConversation', (r) => r.quietDaysAfterConversation);
  const minRingSeconds = max('minRingSeconds', (r) => r.minRingSeconds);

  const allowListBy = all.find((c) => c.rules.allowListOnly === true);
  if (allowListBy !== undefined) sources.allowListOnly = allowListBy.source('allowListOnly');

  // Tightest is "consult it": off only when someone turns it off and nobody asks for it.
  const offBy = all.find((c) => c.rules.useGlobalBlockList === false);
  const useGlobalBlockList = offBy === undefined || all.some((c) => c.rules.useGlobalBlockList === true);
  if (!useGlobalBlockList && offBy !== undefined) sources.useGlobalBlockList = offBy.source('useGlobalBlockList');

  const verification = settings.verification ?? null;
  if (verification !== null) sources.verification = 'settings';

  return {
    basePeriod,
    perNumber,
    perJobPerDay,
    emptyNumberDays,
    quietDaysAfterConversation,
    minRingSeconds,
    allowListOnly: allowListBy !== undefined,
    useGlobalBlockList,
    verification: verification === null ? null : { ...verification },
    sources,
  };
}
