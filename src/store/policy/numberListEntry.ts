import type { NumberListRow } from '../schema.js';

export const NUMBER_LISTS = ['block', 'allow'] as const;
export type NumberList = (typeof NUMBER_LISTS)[number];

/** The scope of the operator's global list; any other scope is an instance id. */
export const GLOBAL_SCOPE = '*';

/** One entry of a block or allow list. */
export interface NumberListEntry {
  /** An instance id, or GLOBAL_SCOPE. */
  scope: string;
  list: NumberList;
  /** An E.164 number (`+8613800000000`) or a prefix ending in `*` (`+86138*`). */
  pattern: string;
  reason: string;
  /** UTC ms; null = never. */
  expiresAt: number | null;
  createdAt: number;
}

export const toNumberListEntry = (r: NumberListRow): NumberListEntry => ({
  scope: r.scope,
  list: r.list as NumberList,
  pattern: r.pattern,
  reason: r.reason,
  expiresAt: r.expires_at,
  createdAt: r.created_at,
});
