import { invalidParameter, missingParameter } from '../errors.js';
import { optionalInt, type RpcParams } from '../params.js';

export const MAX_RPC_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 10;

export interface RpcPage {
  pageNumber: number;
  pageSize: number;
}

/**
 * `PageNumber` (≥ 1) and `PageSize` (1 to 100). Where the vendor marks them required they must be given;
 * elsewhere they default to the first page of 10.
 */
export function pageParams(p: RpcParams, o: { required: boolean }): RpcPage {
  const pageNumber = optionalInt(p, 'PageNumber', { min: 1 });
  const pageSize = optionalInt(p, 'PageSize', { min: 1, max: MAX_RPC_PAGE_SIZE });
  if (o.required && pageNumber === undefined) throw missingParameter('PageNumber');
  if (o.required && pageSize === undefined) throw missingParameter('PageSize');
  return { pageNumber: pageNumber ?? 1, pageSize: pageSize ?? DEFAULT_PAGE_SIZE };
}

/** The vendor's paged envelope: `{ PageNumber, PageSize, TotalCount, List }`. */
export function pagedList<T>(page: RpcPage, total: number | undefined, list: T[]) {
  return { PageNumber: page.pageNumber, PageSize: page.pageSize, TotalCount: total ?? list.length, List: list };
}

/** `StartTime` / `EndTime`-style instants: UTC ms, 0 or absent meaning no bound. */
export function optionalInstant(p: RpcParams, name: string): number | undefined {
  const v = optionalInt(p, name, { min: 0 });
  if (v !== undefined && v > 0 && v < 1e11) {
    throw invalidParameter(name, `It must be UTC milliseconds; ${v} looks like seconds.`);
  }
  return v === 0 ? undefined : v;
}
