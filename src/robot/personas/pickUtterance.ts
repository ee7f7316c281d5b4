import type { Random } from '../../core/clock.js';
import type { Intent } from '../script/model.js';
import { FILLERS } from './phraseBank.js';
import { chance, pickOne } from './randomChoice.js';

/**
 * Something a callee could say that expresses `intent`, taken from the script itself: mostly one
 * of its example phrases (whole sentences), otherwise an exact answer or a keyword, the keyword
 * sometimes after a filler word. Null when the intent has nothing sayable (regex or DTMF only).
 */
export function pickUtterance(intent: Intent, language: 'zh' | 'en', random: Random): string | null {
  const short = [...intent.exact, ...intent.keywords];
  if (intent.examples.length > 0 && (short.length === 0 || chance(random, 0.6))) {
    return pickOne(random, intent.examples) ?? null;
  }
  const phrase = pickOne(random, short);
  if (phrase === undefined) return null;
  // An exact answer must stay whole to be one; a keyword may sit anywhere in the reply.
  if (intent.keywords.includes(phrase) && !intent.exact.includes(phrase) && chance(random, 0.25)) {
    return `${pickOne(random, FILLERS[language]) ?? ''}${phrase}`;
  }
  return phrase;
}
