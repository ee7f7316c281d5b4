// biome-ignore-all lint/suspicious/noThenProperty: `then` is a script field, never awaited
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: prompts hold ${name} variable references
import type { ScriptInput } from '../../../src/robot/script/model.js';

type NodeInput = ScriptInput['nodes'][string];
export type AskInput = Extract<NodeInput, { type: 'ask' }>;

export const GREET: AskInput = {
  type: 'ask',
  say: 'Hi ${name}, do you have a minute?',
  branches: [
    { intent: 'yes', goto: 'pitch' },
    { intent: 'no', goto: 'bye' },
  ],
  noInput: { say: ['Hello, can you hear me?'], retries: 1, then: 'bye' },
  noMatch: { retries: 1, then: 'bye' },
};

/** A small valid script with no warnings and nothing to lint; tests change one thing at a time. */
export const BASE: ScriptInput = {
  name: 'Offer',
  language: 'en',
  variables: [{ name: 'name', fallback: 'there' }],
  intents: {
    yes: { semantic: 'positive', keywords: ['yes', 'sure'] },
    no: { semantic: 'negative', keywords: ['no'] },
    busy: { keywords: ['busy'] },
    price: { keywords: ['how much'] },
  },
  globals: [{ intent: 'busy', goto: 'bye' }],
  knowledge: [{ intent: 'price', answer: 'It is free.' }],
  start: 'greet',
  nodes: {
    greet: GREET,
    pitch: { type: 'say', say: 'Great, here it is.', goto: 'bye' },
    bye: { type: 'hangup', say: 'Goodbye.' },
  },
};

/** BASE with the greet node changed. */
export function withGreet(change: Partial<AskInput>): ScriptInput {
  return { ...BASE, nodes: { ...BASE.nodes, greet: { ...GREET, ...change } } };
}

/** BASE with extra or replaced nodes. */
export function withNodes(nodes: Record<string, NodeInput>): ScriptInput {
  return { ...BASE, nodes: { ...BASE.nodes, ...nodes } };
}
