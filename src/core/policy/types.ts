export const POLICY_PRESETS = ['cn-carrier', 'us-tcpa', 'us-reg-f'] as const;
export type PolicyPreset = (typeof POLICY_PRESETS)[number];

/** A window of wall-clock time, `HH:mm` 24 h, begin < end (no crossing midnight). */
export interface ClockWindow {
  begin: string;
  end: string;
}

/** An instance's own settings; every field optional (absent = no rule of that kind beyond presets). */
export interface PolicySettings {
  presets: PolicyPreset[];
  /** Days (0 = Sunday … 6) and windows in the callee's zone when calls may be placed at all. */
  basePeriod?: { days: number[]; windows: ClockWindow[] };
  /** Attempts to one number across all job groups of the instance. */
  perNumber?: { perLocalDay?: number; per24h?: number; per7Days?: number; burst?: { count: number; minutes: number } };
  /** Attempts per job per local day (on top of a strategy's maxAttemptsPerDay). */
  perJobPerDay?: number;
  /** A number that ended EmptyNumber / NotExist is not dialled again for this many days (0 = off). */
  emptyNumberDays?: number;
  /** No call for this many days after a call that was answered (Reg F: 7). */
  quietDaysAfterConversation?: number;
  /** Ring at least this long before giving up (TCPA: 15 s); raises a group's RingingDuration. */
  minRingSeconds?: number;
  /** Only numbers on the allow list are dialled (test campaigns). */
  allowListOnly?: boolean;
  /** Also consult the operator's global block list. Default true. */
  useGlobalBlockList?: boolean;
  /** A pre-dial HTTP hook that may veto a dial. */
  verification?: { url: string; timeoutMs: number; onTimeout: 'allow' | 'refuse' };
}

/** The rules in force: presets merged with the settings, tightest value of each rule wins. */
export interface EffectivePolicy {
  basePeriod: { days: number[]; windows: ClockWindow[] } | null;
  perNumber: {
    perLocalDay: number | null;
    per24h: number | null;
    per7Days: number | null;
    burst: { count: number; minutes: number } | null;
  };
  perJobPerDay: number | null;
  emptyNumberDays: number;
  quietDaysAfterConversation: number;
  minRingSeconds: number;
  allowListOnly: boolean;
  useGlobalBlockList: boolean;
  verification: PolicySettings['verification'] | null;
  /** Which preset or setting each rule came from, for the audit trail (`us-tcpa: 8:00–21:00 callee-local`). */
  sources: Record<string, string>;
}

/** What the store knows about a number when a dial is considered. Times UTC ms. */
export interface NumberFacts {
  /** Start times of attempts to this number by this instance in the last 8 days (any job group). */
  recentDials: number[];
  /** Start times of this job's attempts (for perJobPerDay). */
  jobDials: number[];
  lastAnsweredAt: number | null;
  /** The number ended EmptyNumber/NotExist at this time (null: never). */
  emptyAt: number | null;
  /** A matching block list entry (instance or global), or null. */
  blocked: { pattern: string; scope: 'instance' | 'global'; reason: string } | null;
  /** On the allow list. */
  allowed: boolean;
}

export type Verdict =
  | { kind: 'allow' }
  /** Never dial this job again: the job fails with `reason`. */
  | {
      kind: 'refuse';
      reason: 'ContactBlockList' | 'EmptyNumber' | 'VerificationCancelled' | 'ContactSuspended';
      rule: string;
    }
  /** Not now: the job waits until `until` (it fails if that is past its end). */
  | {
      kind: 'defer';
      reason: 'PerDayCallCountLimit' | 'JobPerDayCallCountLimit' | 'BasePeriod' | 'QuietPeriod';
      until: number;
      rule: string;
    };
