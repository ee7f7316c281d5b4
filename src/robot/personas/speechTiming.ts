/**
 * How long speech takes on a call, for simulated conversations. Rates are typical of telephone TTS
 * and of callers answering a question: Mandarin ~4 characters a second, English ~14 characters
 * (about 2.5 words) a second.
 */
export const ROBOT_CHARS_PER_SECOND: Readonly<Record<'zh' | 'en', number>> = { zh: 4, en: 14 };

/** A caller needs about half a second before a reply, then speaks a bit faster than the robot. */
const CALLER_START_MS = 500;
const CALLER_MS_PER_CHAR: Readonly<Record<'zh' | 'en', number>> = { zh: 220, en: 65 };

const charCount = (text: string): number => [...text].length;

/** Milliseconds the robot needs to speak `texts` at `charsPerSecond`. */
export function robotSpeechMs(texts: readonly string[], charsPerSecond: number): number {
  const chars = texts.reduce((sum, text) => sum + charCount(text), 0);
  return Math.round((chars / charsPerSecond) * 1000);
}

/** Milliseconds from the moment a caller starts to answer until they finish saying `text`. */
export function callerSpeechMs(text: string, language: 'zh' | 'en'): number {
  return CALLER_START_MS + charCount(text) * CALLER_MS_PER_CHAR[language];
}
