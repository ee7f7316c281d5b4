import { FailureReason, JobStatus } from '../../../core/enums.js';
import type { RpcParams } from '../params.js';
import { nameListParam } from './nameListParam.js';

const JOB_STATUS_NAMES = Object.keys(JobStatus) as (keyof typeof JobStatus)[];
const FAILURE_REASON_NAMES = Object.keys(FailureReason) as (keyof typeof FailureReason)[];
/** The vendor's JobStatus `Drafted` (6) exists in its SDK; no Outdial job is ever in it. */
const VENDOR_JOB_STATUS_NAMES = [...JOB_STATUS_NAMES, 'Drafted'];

/** A JobStatus filter by name(s), as codes; undefined when not given. */
export function jobStatusParam(p: RpcParams, name: string): JobStatus[] | undefined {
  return nameListParam(p, name, JOB_STATUS_NAMES, VENDOR_JOB_STATUS_NAMES)?.map((n) => JobStatus[n]);
}

/** A FailureReason filter by name(s), as codes; undefined when not given. */
export function failureReasonParam(p: RpcParams, name: string): FailureReason[] | undefined {
  return nameListParam(p, name, FAILURE_REASON_NAMES)?.map((n) => FailureReason[n]);
}
