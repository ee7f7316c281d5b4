/**
 * Turns a rule pattern into a RegExp tested against the E.164 called number. A string is a glob matched
 * against the whole number: `*` is any run of digits (possibly empty), `?` exactly one character, anything
 * else literal (`'+8613800000*'`). A RegExp is used as given (anchor it yourself); `g`/`y` flags are
 * dropped so testing keeps no state.
 */
export function compileNumberPattern(pattern: string | RegExp): RegExp {
  if (pattern instanceof RegExp) return new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  let source = '';
  for (const ch of pattern) {
    if (ch === '*') source += '\\d*';
    else if (ch === '?') source += '.';
    else source += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'u');
}
