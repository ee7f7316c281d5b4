const APOSTROPHES = /[\u2018\u2019\u02bc`\u00b4]/gu;

/** Whole words whose expansion is not the regular suffix rule, and common spellings without the apostrophe. */
const WHOLE_WORDS: Readonly<Record<string, string>> = {
  "can't": 'can not',
  cannot: 'can not',
  "won't": 'will not',
  "shan't": 'shall not',
  "ain't": 'is not',
  "let's": 'let us',
  cant: 'can not',
  wont: 'will not',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  isnt: 'is not',
  arent: 'are not',
  wasnt: 'was not',
  werent: 'were not',
  havent: 'have not',
  hasnt: 'has not',
  hadnt: 'had not',
  wouldnt: 'would not',
  shouldnt: 'should not',
  couldnt: 'could not',
  im: 'i am',
};

/** Words with an apostrophe, and the whole words above that have none: the only words looked at. */
const CONTRACTION = new RegExp(
  `[a-z]+'[a-z]+|\\b(?:${Object.keys(WHOLE_WORDS)
    .filter((word) => !word.includes("'"))
    .join('|')})\\b`,
  'g',
);

const SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ["n't", ' not'],
  ["'re", ' are'],
  ["'ve", ' have'],
  ["'ll", ' will'],
  ["'d", ' would'],
  ["'m", ' am'],
];

/** Words whose `'s` means `is`; on any other word `'s` is a possessive and is dropped. */
const IS_CONTRACTED = new Set(['it', 'that', 'what', 'he', 'she', 'there', 'here', 'who', 'where', 'how', 'this']);

function expandWord(word: string): string {
  const whole = WHOLE_WORDS[word];
  if (whole !== undefined) return whole;
  for (const [suffix, expansion] of SUFFIXES) {
    if (word.endsWith(suffix)) return word.slice(0, -suffix.length) + expansion;
  }
  if (word.endsWith("'s")) {
    const stem = word.slice(0, -2);
    return IS_CONTRACTED.has(stem) ? `${stem} is` : stem;
  }
  return word;
}

/**
 * Expands English contractions in lower-case text (`don't` → `do not`, `can't` → `can not`,
 * `I'm` → `i am`, `it's` → `it is`), so "I'm not interested" and "I am not interested" give the
 * same words. Possessive `'s` is dropped (`company's` → `company`).
 */
export function expandContractions(text: string): string {
  return text.replace(APOSTROPHES, "'").replace(CONTRACTION, expandWord);
}
