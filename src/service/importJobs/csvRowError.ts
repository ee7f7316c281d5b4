import type { OutdialError } from '../../core/errors.js';
import type { CsvMappedField } from './csvMapping.js';
import type { ColumnPlan } from './planColumns.js';

/** One rejected row of an import. */
export interface CsvRowError {
  /** 1-based line of the file where the row starts; the header is line 1. */
  row: number;
  /** The column's header as the file writes it; '' when the row as a whole is wrong. */
  field: string;
  code: string;
  message: string;
}

/** The path rows are validated under (parseJobInput's `path`). */
export const ROW_PATH = 'row';

const JOB_FIELD_COLUMNS: [string, CsvMappedField][] = [
  ['contacts[0].phoneNumber', 'phoneNumber'],
  ['contacts[0].name', 'name'],
  ['contacts[0].honorific', 'honorific'],
  ['contacts[0].referenceId', 'referenceId'],
  ['referenceId', 'referenceId'],
  ['priority', 'priority'],
  ['timeZone', 'timeZone'],
];
const EXTRA_FIELD = /^extras\[(\d+)\]/;
const SHOWN_VALUE_LENGTH = 64;

/** The column holding a job field's value; -1 when none does. */
function columnOf(jobField: string, plan: ColumnPlan): number {
  for (const [path, field] of JOB_FIELD_COLUMNS) {
    if (jobField !== path) continue;
    // Without a referenceId column the phone number is the referenceId.
    if (field === 'referenceId' && plan.columns.referenceId < 0) return plan.columns.phoneNumber;
    return plan.columns[field];
  }
  const extra = EXTRA_FIELD.exec(jobField);
  return extra ? (plan.extras[Number(extra[1])]?.index ?? -1) : -1;
}

/** The header of the column a job's referenceId comes from. */
export function referenceIdColumnName(plan: ColumnPlan): string {
  const c = plan.columns;
  return plan.headers[c.referenceId < 0 ? c.phoneNumber : c.referenceId]!;
}

/**
 * A parseJobInput error on a row, told in the file's terms: the field is the column's header, and the message
 * names it and the cell's value (`手机号: contains letters (got '138abc')`).
 */
export function rowErrorOf(
  line: number,
  error: OutdialError,
  record: readonly string[],
  plan: ColumnPlan,
): CsvRowError {
  const path = typeof error.details.field === 'string' ? error.details.field : ROW_PATH;
  const jobField = path.startsWith(`${ROW_PATH}.`) ? path.slice(ROW_PATH.length + 1) : '';
  const column = columnOf(jobField, plan);
  const field = column < 0 ? '' : plan.headers[column]!;
  let reason = error.message.startsWith(`${path}: `) ? error.message.slice(path.length + 2) : error.message;
  const value = column < 0 ? '' : (record[column] ?? '').trim();
  if (value !== '' && !reason.includes(`'${value}'`) && !reason.endsWith(` ${value}`)) {
    const shown = value.length > SHOWN_VALUE_LENGTH ? `${value.slice(0, SHOWN_VALUE_LENGTH)}…` : value;
    reason += ` (got '${shown}')`;
  }
  return { row: line, field, code: error.code, message: field === '' ? reason : `${field}: ${reason}` };
}
