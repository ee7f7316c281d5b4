/**
 * BaiYing's `resultLabels[].key` is an int naming a tag across calls (the seed's `{"key":200,"value":"无效用户"}`);
 * Outdial's tags are names. The key is the name's 32-bit FNV-1a hash cut to a positive Java int, so the
 * same tag has the same key in every call and every script, and a receiver that stores tags by key keeps
 * them apart. `value` carries the name itself.
 */
export function tagKey(tag: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(tag)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & 0x7fffffff;
}
