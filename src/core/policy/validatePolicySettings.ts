import { z } from 'zod';
import { invalidField } from '../errors.js';
import { clockMinutes } from './clockWindows.js';
import { POLICY_PRESETS, type PolicySettings } from './types.js';

const whole = (min: number, max: number, unit = '', error = `must be a whole number${unit} from ${min} to ${max}`) => {
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const window = z
  .strictObject({
    begin: z
      .string({ error: 'must be a time "HH:mm"' })
      .regex(CLOCK, { error: 'must be a time "HH:mm" (00:00–23:59)' }),
    end: z
      .string({ error: 'must be a time "HH:mm"' })
      .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: 'must be a time "HH:mm" (00:01–24:00)' }),
  })
  .refine((w) => clockMinutes(w.end) > clockMinutes(w.begin), {
    error: 'must be after begin (windows do not cross midnight: split them)',
    path: ['end'],
  });

const windows = z
  .array(window, { error: 'must be a list of {begin, end}' })
  .min(1, { error: 'must list at least one window' })
  .superRefine((list, ctx) => {
    const order = list
      .map((w, i) => ({ b: clockMinutes(w.begin), e: clockMinutes(w.end), i }))
      .sort((x, y) => x.b - y.b);
    for (let k = 1; k < order.length; k++) {
      const prev = order[k - 1]!;
      const cur = order[k]!;
      if (cur.b < prev.e) {
        const [first, second] = prev.i < cur.i ? [prev.i, cur.i] : [cur.i, prev.i];
        ctx.addIssue({ code: 'custom', message: `overlaps window [${first}]`, path: [second] });
      }
    }
  });

const days = z
  .array(whole(0, 6, '', 'must be a weekday from 0 (Sunday) to 6 (Saturday)'), { error: 'must be a list of weekdays' })
  .min(1, { error: 'must list at least one weekday' });

const httpUrl = z.string({ error: 'must be an http(s) URL' }).refine(
  (s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
    } catch {
      return false;
    }
  },
  { error: 'must be an http(s) URL' },
);

const settingsSchema = z.strictObject(
  {
    presets: z
      .array(z.enum(POLICY_PRESETS, { error: `must be one of ${POLICY_PRESETS.join(', ')}` }), {
        error: 'must be a list of preset names',
      })
      .optional(),
    basePeriod: z.strictObject({ days, windows }, { error: 'must be an object {days, windows}' }).optional(),
    perNumber: z
      .strictObject(
        {
          perLocalDay: whole(1, 10_000).optional(),
          per24h: whole(1, 10_000).optional(),
          per7Days: whole(1, 10_000).optional(),
          burst: z
            .strictObject(
              { count: whole(1, 10_000), minutes: whole(1, 1440, ' of minutes') },
              { error: 'must be an object {count, minutes}' },
            )
            .optional(),
        },
        { error: 'must be an object' },
      )
      .optional(),
    perJobPerDay: whole(1, 10_000).optional(),
    emptyNumberDays: whole(0, 3650, ' of days').optional(),
    quietDaysAfterConversation: whole(0, 365, ' of days').optional(),
    minRingSeconds: whole(0, 300, ' of seconds').optional(),
    allowListOnly: z.boolean({ error: 'must be true or false' }).optional(),
    useGlobalBlockList: z.boolean({ error: 'must be true or false' }).optional(),
    verification: z
      .strictObject(
        {
          url: httpUrl,
          timeoutMs: whole(50, 10_000, ' of milliseconds'),
          onTimeout: z.enum(['allow', 'refuse'], { error: 'must be allow or refuse' }),
        },
        { error: 'must be an object {url, timeoutMs, onTimeout}' },
      )
      .optional(),
  },
  { error: 'must be an object' },
);

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function show(v: unknown): string {
  const text = v === undefined ? 'nothing' : JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function joinPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  return out === '' ? 'settings' : out;
}

/**
 * Parses an instance's contact-policy settings. Any settings are accepted that make sense on their own,
 * since they combine with the adopted presets by tightest-wins; rejected with VALIDATION_FAILED naming the
 * field (under `root`, e.g. `basePeriod.windows[1].end`): unknown fields or presets, weekdays outside 0–6,
 * windows not "HH:mm" or with end ≤ begin or overlapping, limits below 1 (counts) or 0 (days, seconds),
 * a verification URL that is not http(s), a verification timeout outside 50–10000 ms.
 * Absent `presets` is none; presets and weekdays come out de-duplicated, days and windows sorted.
 */
export function validatePolicySettings(input: unknown, root = ''): PolicySettings {
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') {
      throw invalidField(joinPath(root, [...issue.path, issue.keys[0] ?? '']), 'is not a known field');
    }
    const value = valueAt(input, issue.path);
    const message =
      value === undefined && issue.code === 'invalid_type'
        ? 'is required'
        : value !== null && typeof value === 'object'
          ? issue.message
          : `${issue.message}, got ${show(value)}`;
    throw invalidField(joinPath(root, issue.path), message);
  }
  const { presets, basePeriod, ...rest } = parsed.data;
  const out: PolicySettings = { ...rest, presets: [...new Set(presets ?? [])] };
  if (basePeriod !== undefined) {
    out.basePeriod = {
      days: [...new Set(basePeriod.days)].sort((a, b) => a - b),
      windows: [...basePeriod.windows].sort((a, b) => clockMinutes(a.begin) - clockMinutes(b.begin)),
    };
  }
  return out;
}
