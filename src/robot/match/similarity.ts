import type { AnalyzedText } from './analyzeText.js';

/** An example phrase's words, listed for a fast comparison with each utterance. */
export interface ExampleWords {
  content: readonly string[];
  characters: readonly string[];
  negated: boolean;
}

export function exampleWords(example: AnalyzedText): ExampleWords {
  return { content: [...example.content], characters: [...example.characters], negated: example.negated };
}

/**
 * How alike an utterance and an example phrase are, 0..1, and how many meaningful words they share.
 *
 * The measure is the Dice coefficient, 2·|shared| / (|utterance| + |example|), over meaningful words
 * (stop words such as 我, 的, 吗, the, i left out). Dice suits short replies: one extra or missing
 * word in a four-word reply still scores 0.67–0.86, where Jaccard would give 0.5–0.75. For Chinese,
 * where segmentation of a paraphrase often differs (借点 / 借一点, 电话 / 电话号码), it is the mean of
 * that and the same coefficient over characters; for English both are the same number.
 *
 * A reply that says "no" never resembles an example that does not, and the other way round
 * (`我不需要` is not like `我需要`), whatever words they share.
 */
export function similarity(utterance: AnalyzedText, example: ExampleWords): { value: number; shared: number } {
  if (utterance.negated !== example.negated) return { value: 0, shared: 0 };
  const shared = overlap(utterance.content, example.content);
  const words = dice(shared, utterance.content.size, example.content.length);
  const characters = dice(
    overlap(utterance.characters, example.characters),
    utterance.characters.size,
    example.characters.length,
  );
  return { value: (words + characters) / 2, shared };
}

/**
 * The most `similarity` could give for these two, from their sizes alone (all of the smaller one
 * shared): lets a long utterance skip examples it cannot resemble enough.
 */
export function similarityBound(utterance: AnalyzedText, example: ExampleWords): number {
  const words = utterance.content.size;
  const characters = utterance.characters.size;
  return (
    (dice(Math.min(words, example.content.length), words, example.content.length) +
      dice(Math.min(characters, example.characters.length), characters, example.characters.length)) /
    2
  );
}

function overlap(utterance: ReadonlySet<string>, example: readonly string[]): number {
  let shared = 0;
  for (let i = 0; i < example.length; i++) if (utterance.has(example[i]!)) shared++;
  return shared;
}

function dice(shared: number, sizeA: number, sizeB: number): number {
  return sizeA + sizeB === 0 ? 0 : (2 * shared) / (sizeA + sizeB);
}
