import { expandContractions } from './expandContractions.js';
import { isNegated } from './isNegated.js';
import { matchKey } from './matchKey.js';
import { normalize } from './normalize.js';
import { segmentWords } from './segmentWords.js';
import { STOP_WORDS } from './wordLists.js';

const HAN = /\p{Script=Han}/u;

/** A text prepared once for every way of matching it. */
export interface AnalyzedText {
  /** `normalize(text)`: what exact phrases and regexes are tested against. */
  normalized: string;
  /** The words, each in its compared form (`matchKey`). */
  keys: readonly string[];
  /** The words joined with no separator; phrases are searched in it. */
  joined: string;
  /** For each character of `joined`, the index of the word it belongs to. */
  wordAt: Int32Array;
  /** The distinct words that carry meaning (stop words left out; all words when only stop words). */
  content: ReadonlySet<string>;
  /** The meaningful words again, with Chinese words split into characters (借点 → 借, 点). */
  characters: ReadonlySet<string>;
  /** Whether the text says "no" somewhere (see isNegated). */
  negated: boolean;
}

/** Normalises and segments a text (as tokenize does) and indexes its words for matching. */
export function analyzeText(text: string, language: 'zh' | 'en'): AnalyzedText {
  const normalized = normalize(text);
  const lower = text.normalize('NFKC').toLowerCase();
  const expanded = expandContractions(lower);
  const keys = segmentWords(expanded === lower ? normalized : normalize(expanded), language).map(matchKey);
  const joined = keys.join('');
  const wordAt = new Int32Array(joined.length);
  const content = new Set<string>();
  let offset = 0;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    wordAt.fill(index, offset, offset + key.length);
    offset += key.length;
    if (!STOP_WORDS.has(key)) content.add(key);
  }
  if (content.size === 0) for (const key of keys) content.add(key);
  const characters = new Set<string>();
  for (const word of content) {
    if (HAN.test(word)) for (const character of word) characters.add(character);
    else characters.add(word);
  }
  return { normalized, keys, joined, wordAt, content, characters, negated: isNegated(keys) };
}
