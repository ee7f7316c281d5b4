import { expandContractions } from './expandContractions.js';
import { normalize } from './normalize.js';
import { segmentWords } from './segmentWords.js';

export { normalize } from './normalize.js';

/**
 * Splits what a caller said into words: lower case, punctuation dropped, English contractions
 * expanded (`don't` → `do`, `not`). `zh`: jieba segmentation (Latin words and numbers stay whole);
 * `en`: words between spaces, with any Chinese inside segmented by jieba.
 */
export function tokenize(text: string, language: 'zh' | 'en'): string[] {
  return segmentWords(normalize(expandContractions(text.normalize('NFKC').toLowerCase())), language);
}
