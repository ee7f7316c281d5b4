import type { CountryCode } from 'libphonenumber-js';
import { FailureReason, JobStatus } from '../../core/enums.js';
import { invalidField } from '../../core/errors.js';
import { normalizePhoneNumber } from '../../core/jobs/normalizePhoneNumber.js';
import type { JobFilter } from '../../store/jobs/jobFilter.js';

export const MAX_QUERY_JOB_IDS = 1000;

/** What a listing of jobs may filter on; every field narrows. */
export interface JobQuery {
  instanceId: string;
  jobGroupId?: string;
  /** At most 1000. */
  jobIds?: string[];
  statuses?: JobStatus[];
  failureReasons?: FailureReason[];
  /** As the user typed it; matched on the job's E.164 number. */
  phoneNumber?: string;
  referenceId?: string;
  /** UTC ms, inclusive, on when the job was assigned. */
  createdFrom?: number;
  createdTo?: number;
  /** UTC ms, inclusive, on when the job ended. */
  finishedFrom?: number;
  finishedTo?: number;
}

const JOB_STATUS_CODES = Object.values(JobStatus) as number[];
const FAILURE_REASON_CODES = Object.values(FailureReason) as number[];

/** Checks a query as a face passed it, naming the first bad field; the phone number comes back in E.164. */
export function parseJobQuery(q: JobQuery, defaultCountry: CountryCode): JobFilter {
  const f: JobFilter = { instanceId: q.instanceId };
  if (q.jobGroupId !== undefined) f.jobGroupId = text(q.jobGroupId, 'jobGroupId');
  if (q.jobIds !== undefined) {
    if (!Array.isArray(q.jobIds)) throw invalidField('jobIds', 'must be a list of job ids');
    if (q.jobIds.length > MAX_QUERY_JOB_IDS)
      throw invalidField('jobIds', `must name at most ${MAX_QUERY_JOB_IDS} jobs`);
    f.jobIds = q.jobIds.map((id, i) => text(id, `jobIds[${i}]`));
  }
  if (q.statuses !== undefined) f.statuses = codes(q.statuses, 'statuses', JOB_STATUS_CODES, 'JobStatus');
  if (q.failureReasons !== undefined) {
    f.failureReasons = codes(q.failureReasons, 'failureReasons', FAILURE_REASON_CODES, 'FailureReason');
  }
  if (q.phoneNumber !== undefined) {
    const n = normalizePhoneNumber(text(q.phoneNumber, 'phoneNumber'), defaultCountry);
    if ('error' in n) throw invalidField('phoneNumber', `is not a phone number (${n.error})`, 'INVALID_PHONE_NUMBER');
    f.phoneNumber = n.e164;
  }
  if (q.referenceId !== undefined) f.referenceId = text(q.referenceId, 'referenceId');
  for (const k of ['createdFrom', 'createdTo', 'finishedFrom', 'finishedTo'] as const) {
    const v = q[k];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw invalidField(k, 'must be UTC milliseconds');
    f[k] = v;
  }
  return f;
}

function text(v: unknown, path: string): string {
  if (typeof v !== 'string') throw invalidField(path, 'must be a string');
  return v;
}

function codes<T extends number>(v: unknown, path: string, allowed: number[], name: string): T[] {
  if (!Array.isArray(v)) throw invalidField(path, `must be a list of ${name} codes`);
  v.forEach((c, i) => {
    if (!allowed.includes(c)) throw invalidField(`${path}[${i}]`, `must be a ${name} code (${allowed.join(', ')})`);
  });
  return v as T[];
}
