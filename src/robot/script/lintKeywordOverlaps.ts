import { type ScriptIssue, scriptIssue } from './issues.js';
import type { Script } from './model.js';

interface Keyword {
  intent: string;
  index: number;
  word: string;
  /** Normalised; padded with spaces for English so containment means whole words. */
  key: string;
}

type Overlap = { kind: 'same'; first: Keyword; later: Keyword } | { kind: 'part'; short: Keyword; long: Keyword };

function keywordsOf(script: Script, intent: string): Keyword[] {
  return (script.intents[intent]?.keywords ?? []).map((word, index) => {
    const key = word.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
    return { intent, index, word, key: script.language === 'en' ? ` ${key} ` : key };
  });
}

function overlapsOf(first: readonly Keyword[], later: readonly Keyword[]): Overlap[] {
  const found: Overlap[] = [];
  for (const a of first) {
    for (const b of later) {
      if (a.key === b.key) found.push({ kind: 'same', first: a, later: b });
      else if (b.key.includes(a.key)) found.push({ kind: 'part', short: a, long: b });
      else if (a.key.includes(b.key)) found.push({ kind: 'part', short: b, long: a });
    }
  }
  return found;
}

function describe(overlap: Overlap, nodeId: string): ScriptIssue {
  if (overlap.kind === 'same') {
    const { first, later } = overlap;
    return scriptIssue(
      `intents.${later.intent}.keywords[${later.index}]`,
      'OVERLAPPING_KEYWORD',
      `keyword '${later.word}' is also a keyword of '${first.intent}', which comes first on node '${nodeId}': there '${later.intent}' never matches by it`,
    );
  }
  const { short, long } = overlap;
  return scriptIssue(
    `intents.${short.intent}.keywords[${short.index}]`,
    'OVERLAPPING_KEYWORD',
    `keyword '${short.word}' of '${short.intent}' is part of '${long.word}' of '${long.intent}' (both on node '${nodeId}'): an answer saying '${long.word}' goes to '${long.intent}', as the longer keyword wins`,
  );
}

/** Intents matched on an ask node, in candidate order: branches, then knowledge and globals where allowed. */
function candidatesOf(script: Script, nodeId: string): string[] {
  const node = script.nodes[nodeId];
  if (node?.type !== 'ask') return [];
  const names = node.branches.map((b) => b.intent);
  if (node.globals) names.push(...script.knowledge.map((k) => k.intent), ...script.globals.map((g) => g.intent));
  return [...new Set(names)].filter((name) => Object.hasOwn(script.intents, name));
}

/**
 * Keywords of two intents matched on the same ask node where one contains the other (whole
 * words in English, characters in Chinese): the matcher takes the longer keyword, or the earlier
 * candidate when they are equal. Each pair of keywords is reported once, naming the first node.
 */
export function lintKeywordOverlaps(script: Script): ScriptIssue[] {
  const keywords = new Map<string, Keyword[]>();
  const keywordsFor = (intent: string) => {
    const list = keywords.get(intent) ?? keywordsOf(script, intent);
    keywords.set(intent, list);
    return list;
  };
  const byPair = new Map<string, Overlap[]>();
  const reported = new Set<string>();
  const issues: ScriptIssue[] = [];
  for (const nodeId of Object.keys(script.nodes)) {
    const candidates = candidatesOf(script, nodeId);
    for (let i = 0; i < candidates.length; i++) {
      for (let j = i + 1; j < candidates.length; j++) {
        const [a, b] = [candidates[i] as string, candidates[j] as string];
        const pair = `${a}\n${b}`;
        const overlaps = byPair.get(pair) ?? overlapsOf(keywordsFor(a), keywordsFor(b));
        byPair.set(pair, overlaps);
        for (const overlap of overlaps) {
          const [x, y] = overlap.kind === 'same' ? [overlap.first, overlap.later] : [overlap.short, overlap.long];
          const id = [`${x.intent}[${x.index}]`, `${y.intent}[${y.index}]`].sort().join('|');
          if (reported.has(id)) continue;
          reported.add(id);
          issues.push(describe(overlap, nodeId));
        }
      }
    }
  }
  return issues;
}
