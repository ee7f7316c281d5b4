import { cutChinese } from './jieba.js';

const HAN = /\p{Script=Han}/u;
const HAN_OR_OTHER_RUN = /\p{Script=Han}+|[^\p{Script=Han}]+/gu;

/**
 * Splits normalised text (see normalize) into words. `zh`: jieba segmentation of the whole text
 * (Latin words and numbers stay whole). `en`: words between spaces; a run of Chinese characters
 * inside is segmented by jieba.
 */
export function segmentWords(normalized: string, language: 'zh' | 'en'): string[] {
  if (normalized === '') return [];
  return language === 'zh' ? segmentChinese(normalized) : segmentEnglish(normalized);
}

function segmentChinese(normalized: string): string[] {
  const words: string[] = [];
  const cut = cutChinese(normalized);
  for (let i = 0; i < cut.length; i++) {
    const word = cut[i]!;
    if (word.trim() === '') continue;
    // normalize keeps a dot only between digits; jieba cuts `3.5` into three pieces.
    const next = cut[i + 1];
    if (word === '.' && words.length > 0 && next !== undefined) {
      words[words.length - 1] += `.${next}`;
      i++;
    } else {
      words.push(word);
    }
  }
  return words;
}

function segmentEnglish(normalized: string): string[] {
  const words: string[] = [];
  for (const chunk of normalized.split(' ')) {
    if (!HAN.test(chunk)) {
      words.push(chunk);
      continue;
    }
    for (const run of chunk.match(HAN_OR_OTHER_RUN) ?? []) {
      if (HAN.test(run)) words.push(...cutChinese(run));
      else words.push(run);
    }
  }
  return words;
}
