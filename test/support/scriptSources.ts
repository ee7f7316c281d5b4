// biome-ignore-all lint/suspicious/noTemplateCurlyInString: prompts hold ${name} variable references
import { readFileSync } from 'node:fs';

/** The debt reminder example script (examples/scripts/debt-reminder.en.yaml), as its YAML text. */
export const DEBT_REMINDER = readFileSync(
  new URL('../../examples/scripts/debt-reminder.en.yaml', import.meta.url),
  'utf8',
);

/** The variables the debt reminder needs, for the i-th job. */
export const debtReminderExtras = (i: number) => [
  { key: 'name', value: `Ms. Rivera ${i}` },
  { key: 'amount', value: `$${100 + i}.50` },
  { key: 'dueDate', value: 'March 15' },
];
/**
 * A small valid script as YAML: a reminder needing `amount` and `dueDate` from every job (`name` has a
 * fallback). `say` changes the greeting, so two versions can be told apart.
 */
export function reminderSource(o: { name?: string; say?: string } = {}): string {
  return `# a reminder
name: ${o.name ?? 'Reminder'}
description: a short reminder
language: en
industry: Banking
scene: Collections
variables:
  - name: amount
  - name: dueDate
  - name: name
    fallback: there
intents:
  yes: { semantic: positive, keywords: [yes] }
  no: { semantic: negative, keywords: [no] }
start: greet
nodes:
  greet:
    type: ask
    say: ${o.say ?? 'Hello ${name}, you owe ${amount} since ${dueDate}. Will you pay?'}
    branches:
      - { intent: yes, goto: thanks }
      - { intent: no, goto: bye }
  thanks: { type: hangup, say: Thank you. }
  bye: { type: hangup, say: Goodbye., outcome: refused }
`;
}

/** The same script as an object, with no variable every job must give. */
export function greetingScript(name = 'Greeting'): Record<string, unknown> {
  return {
    name,
    language: 'zh',
    intents: { yes: { semantic: 'positive', keywords: ['好的'] } },
    start: 'greet',
    nodes: {
      greet: { type: 'ask', say: '您好', branches: [{ intent: 'yes', goto: 'bye' }] },
      bye: { type: 'hangup', say: '再见' },
    },
  };
}
