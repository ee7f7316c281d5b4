import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

const require = createRequire(import.meta.url);
let segmenter: Jieba | undefined;

/**
 * Splits Chinese text into words with jieba's default dictionary, without HMM new-word guessing
 * (so a phrase is cut the same way whatever surrounds it). The dictionary (about 5 MB, 0.2 s) is
 * read once per process, on first use, so English scripts never pay for it.
 */
export function cutChinese(text: string): string[] {
  segmenter ??= loadSegmenter();
  return segmenter.cut(text, false);
}

function loadSegmenter(): Jieba {
  const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const { dict } = require('@node-rs/jieba/dict.js') as typeof import('@node-rs/jieba/dict.js');
  return JiebaClass.withDict(dict);
}
