const DAY = 86_400_000;

/** How long every attempt's start is kept: the longest per-number window (7 days) and a local day of margin. */
export const NUMBER_DIAL_RETENTION_MS = 8 * DAY;
