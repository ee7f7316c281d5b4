/**
 * UTC ms → ISO 8601 in UTC, to the second, as seed 002's example writes it ("2022-11-21T02:37:50Z").
 * "" when there is no such instant: the seed sends `endTime: ""` for a task that has not ended.
 */
export function isoTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '';
  const date = new Date(Math.trunc(ms));
  if (Number.isNaN(date.getTime())) return '';
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
