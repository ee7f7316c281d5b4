// biome-ignore-all lint/suspicious/noTemplateCurlyInString: prompts hold ${name} variable references
import { type CompiledScript, compileScript } from '../../../src/robot/compileScript.js';
import { type ScriptInput, ScriptSchema } from '../../../src/robot/script/model.js';

/** Compiles a handwritten script (defaults filled by the schema). */
export function compile(input: ScriptInput): CompiledScript {
  return compileScript(ScriptSchema.parse(input));
}

/** A small English sales script exercising branches, knowledge, globals and hangups. */
export function offerScript(overrides: Partial<ScriptInput> = {}): ScriptInput {
  return {
    name: 'Card offer',
    language: 'en',
    variables: [{ name: 'name' }, { name: 'product', fallback: 'our travel card' }],
    options: { maxRounds: 10, maxBranchRepeats: 2 },
    intents: {
      yes: { semantic: 'positive', keywords: ['yes', 'sure', 'interested'], dtmf: ['1'] },
      no: { semantic: 'negative', keywords: ['no', 'not interested'], dtmf: ['2'] },
      busy: { keywords: ['busy'] },
      whoAreYou: { keywords: ['who are you'] },
      repeat: { keywords: ['say that again', 'pardon'] },
      fee: { keywords: ['fee', 'cost'] },
      rates: { keywords: ['interest rate'] },
      tellMore: { keywords: ['tell me more'] },
    },
    globals: [
      { intent: 'busy', say: 'Sorry to bother you.', goto: 'byeBusy' },
      { intent: 'whoAreYou', say: 'I am calling from Acme Bank.', goto: 'return' },
      { intent: 'repeat', goto: 'repeat' },
      { intent: 'tellMore', goto: 'details' },
    ],
    knowledge: [
      { intent: 'fee', answer: 'There is no annual fee.' },
      { intent: 'rates', answer: 'The rate is 12 percent.', business: false },
    ],
    start: 'greet',
    nodes: {
      greet: { type: 'say', say: 'Hello ${name}, this is Acme Bank.', goto: 'offer' },
      offer: {
        type: 'ask',
        say: 'Would you like ${product}?',
        tags: ['offered'],
        branches: [
          { intent: 'yes', goto: 'confirm' },
          { intent: 'no', goto: 'byeRefused' },
        ],
      },
      details: {
        type: 'ask',
        say: 'It has lounge access. Shall I go on?',
        branches: [
          { intent: 'yes', goto: 'return' },
          { intent: 'no', goto: 'byeRefused' },
        ],
      },
      confirm: {
        type: 'ask',
        say: 'Shall I text you the details?',
        globals: false,
        bargeIn: false,
        branches: [
          { intent: 'yes', say: 'Great.', goto: 'byeDone' },
          { intent: 'no', goto: 'byeDone' },
        ],
      },
      byeDone: { type: 'hangup', say: 'Thank you, goodbye.', tags: ['interested'] },
      byeRefused: { type: 'hangup', say: 'Sorry to disturb you, goodbye.', outcome: 'refused' },
      byeBusy: { type: 'hangup', say: 'I will call another time.', outcome: 'busy' },
    },
    ...overrides,
  };
}
