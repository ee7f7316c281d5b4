import { addListEntries } from '../../../service/policy/addListEntries.js';
import { listNumberList } from '../../../service/policy/listNumberList.js';
import { MAX_LIST_NUMBERS_PER_CALL } from '../../../service/policy/parseListNumbers.js';
import { removeListEntries } from '../../../service/policy/removeListEntries.js';
import type { NumberList, NumberListEntry } from '../../../store/policy/numberListEntry.js';
import { invalidParameter, missingParameter } from '../errors.js';
import { jsonParam, optionalBool, optionalString, type RpcParams, repeatList, required } from '../params.js';
import { callerInstanceId } from './instanceScope.js';
import { pagedList, pageParams } from './pageParams.js';
import type { ActionHandler } from './types.js';
import { withWireNames } from './wireFieldNames.js';

/**
 * The vendor's names for one list (TS-SDK `Save/Get/DeleteContactBlockList*`, `…ContactWhiteList*` models).
 * The page key is spelt `ContactBlocklistList` / `ContactWhitelistList` (lower-case l) on the wire.
 */
interface ListWire {
  json: string;
  /** Deprecated repeat-list form of the same entries. */
  repeat: string;
  id: string;
  page: string;
}

const WIRE: Record<NumberList, ListWire> = {
  block: {
    json: 'ContactBlockListsJson',
    repeat: 'ContactBlockListList',
    id: 'ContactBlockListId',
    page: 'ContactBlocklistList',
  },
  allow: {
    json: 'ContactWhiteListsJson',
    repeat: 'ContactWhiteListList',
    id: 'ContactWhiteListId',
    page: 'ContactWhitelistList',
  },
};

interface WireEntry {
  phoneNumber: unknown;
  remark?: unknown;
}

const asEntry = (item: unknown): WireEntry | undefined =>
  typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as WireEntry) : undefined;

/**
 * The entries of a Save call: `…ListsJson`, a JSON array of `{phoneNumber, remark, name, creator}`; or the
 * deprecated `…ListList.N`. The SDK types the latter as strings without saying what they hold (unverified):
 * each is read as such a JSON object, or else as a bare phone number. `name` and `creator` are accepted and not
 * kept (an entry keeps its number and reason).
 */
function savedEntries(p: RpcParams, w: ListWire): { entries: WireEntry[]; from: string; repeat: boolean } {
  const json = jsonParam(p, w.json);
  if (json !== undefined) {
    if (!Array.isArray(json)) throw invalidParameter(w.json, 'It must be a JSON array of {phoneNumber, remark}.');
    const entries = json.map((item, i) => {
      const entry = asEntry(item);
      if (!entry) throw invalidParameter(w.json, `Element ${i + 1} must be an object {phoneNumber, remark}.`);
      return entry;
    });
    return { entries, from: w.json, repeat: false };
  }
  const items = repeatList(p, w.repeat);
  if (items.length === 0) throw missingParameter(w.json);
  const entries = items.map((text) => {
    try {
      const entry = asEntry(JSON.parse(text));
      if (entry) return entry;
    } catch {
      // not JSON: a bare number
    }
    return { phoneNumber: text };
  });
  return { entries, from: w.repeat, repeat: true };
}

/** Save…List: adds the entries (a number already listed gets the new remark); AffectedRows is how many. */
export const saveContactList =
  (list: NumberList): ActionHandler =>
  async (ctx, p) => {
    const w = WIRE[list];
    const instanceId = await callerInstanceId(ctx, p);
    const { entries, from, repeat } = savedEntries(p, w);
    if (entries.length > MAX_LIST_NUMBERS_PER_CALL) {
      throw invalidParameter(from, `At most ${MAX_LIST_NUMBERS_PER_CALL} entries per call, got ${entries.length}.`);
    }
    const remarks = entries.map((e) => (e.remark === undefined || e.remark === null ? undefined : String(e.remark)));
    const saved = await withWireNames(
      [
        { from: 'numbers', to: from, repeat },
        { from: 'reasons', to: from, repeat },
      ],
      () =>
        addListEntries(ctx.deps, {
          scope: instanceId,
          list,
          // A number written as a JSON number is read as its digits.
          numbers: entries.map((e) => (typeof e.phoneNumber === 'number' ? String(e.phoneNumber) : e.phoneNumber)),
          reasons: remarks,
        }),
    );
    return { AffectedRows: saved.stored };
  };

/**
 * An entry as the vendor lists it. The id is the entry's pattern (what Delete takes back); PhoneNumber is the
 * number in E.164 (or the prefix) as stored, Remark its reason. Name, Creator and Operator are not kept: ''.
 */
const wireEntry = (instanceId: string, w: ListWire) => (e: NumberListEntry) => ({
  [w.id]: e.pattern,
  InstanceId: instanceId,
  PhoneNumber: e.pattern,
  Remark: e.reason,
  CreationTime: e.createdAt,
  Name: '',
  Creator: '',
  Operator: '',
});

/**
 * Get…List: a page of the list in number order. SearchPattern finds entries starting with it (`138`, `+86138`);
 * TotalCount is always given, whatever CountTotalRow says.
 */
export const getContactList =
  (list: NumberList): ActionHandler =>
  async (ctx, p) => {
    const w = WIRE[list];
    const instanceId = await callerInstanceId(ctx, p);
    const page = pageParams(p, { required: false });
    optionalBool(p, 'CountTotalRow');
    const search = optionalString(p, 'SearchPattern')?.trim();
    const found = await withWireNames([{ from: 'prefix', to: 'SearchPattern' }], () =>
      listNumberList(
        ctx.deps,
        { scope: instanceId, list, ...(search ? { prefix: search } : {}) },
        { kind: 'offset', ...page },
      ),
    );
    return { [w.page]: pagedList(page, found.total, found.items.map(wireEntry(instanceId, w))) };
  };

/** Delete…List: removes the entry the id names (its pattern); AffectedRows is 0 when it was not listed. Operator is accepted and not kept. */
export const deleteContactList =
  (list: NumberList): ActionHandler =>
  async (ctx, p) => {
    const w = WIRE[list];
    const instanceId = await callerInstanceId(ctx, p);
    const id = required(p, w.id);
    const { removed } = await withWireNames([{ from: 'numbers[0]', to: w.id }], () =>
      removeListEntries(ctx.deps, { scope: instanceId, list, numbers: [id] }),
    );
    return { AffectedRows: removed };
  };
