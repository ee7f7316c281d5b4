import type { ColumnPlan } from './planColumns.js';

const NUMBER = /^[+-]?\d+(\.\d*)?$/;

/**
 * One CSV row as an AssignJobs `JobsJson` element, for parseJobInput to validate. Cells are trimmed. Without a
 * referenceId column the phone cell stands in for it; the importer replaces it with the parsed E.164.
 */
export function rowToJobInput(record: readonly string[], plan: ColumnPlan): Record<string, unknown> {
  const c = plan.columns;
  const cell = (i: number) => (i < 0 ? '' : (record[i] ?? '').trim());
  const phoneNumber = cell(c.phoneNumber);
  const priority = cell(c.priority);
  return {
    referenceId: c.referenceId < 0 ? phoneNumber : cell(c.referenceId),
    contacts: [{ phoneNumber, name: cell(c.name), honorific: cell(c.honorific) }],
    extras: plan.extras.map((e) => ({ key: e.key, value: cell(e.index) })),
    // A number the way parseJobInput wants it; anything else is passed on for it to refuse.
    priority: priority === '' ? undefined : NUMBER.test(priority) ? Number(priority) : priority,
    timeZone: cell(c.timeZone),
  };
}
