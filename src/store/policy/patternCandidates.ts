/**
 * The list patterns that match an E.164 number: the number itself, then every prefix of its digits with `*`
 * (`+8613800000000` → `+8613800000000`, `+8613800000000*`, `+861380000000*`, … `+8*`), most specific first.
 * At most 16 for a 15-digit number, so a lookup is an index seek per candidate.
 */
export function patternCandidates(number: string): string[] {
  const out = [number];
  for (let end = number.length; end > 1; end--) out.push(`${number.slice(0, end)}*`);
  return out;
}
