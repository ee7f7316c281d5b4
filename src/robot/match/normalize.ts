const INVISIBLE = /\p{Cf}/gu;
const APOSTROPHE_IN_WORD = /(?<=\p{L})['\u2018\u2019\u02bc](?=\p{L})/gu;
const THOUSANDS_SEPARATOR = /(?<=\d),(?=\d{3}(?!\d))/gu;
/** Punctuation and symbols, except a decimal point between digits. */
const PUNCTUATION = /(?<!\d)\.|\.(?!\d)|[^\P{P}.]|\p{S}/gu;
const WHITESPACE = /\s+/gu;
const SPACE_BETWEEN_HAN = /(?<=\p{Script=Han}) (?=\p{Script=Han})/gu;

/**
 * The form utterances and phrases are compared in: NFKC (full-width → half-width), lower case,
 * punctuation and symbols (ASCII and CJK) removed, whitespace collapsed. Digits are kept (`1,000` →
 * `1000`, `3.5` stays); Chinese numerals are left as written. Spaces between Chinese characters are
 * dropped, so `好的，没问题` and `好的没问题` compare equal.
 */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(INVISIBLE, '')
    .replace(APOSTROPHE_IN_WORD, '')
    .replace(THOUSANDS_SEPARATOR, '')
    .replace(PUNCTUATION, ' ')
    .replace(WHITESPACE, ' ')
    .trim()
    .replace(SPACE_BETWEEN_HAN, '');
}
