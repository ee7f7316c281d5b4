import { describe, expect, it } from 'vitest';
import { listChoices } from '../../../src/robot/personas/nodeChoices.js';
import { loadExampleScript } from '../corpus/exampleScripts.js';

const debt = loadExampleScript('debt-reminder.zh.yaml').compiled;
const identity = loadExampleScript('identity-check.zh.yaml').compiled;

describe('listChoices', () => {
  it('offers only the branches on a node that takes no globals', () => {
    const choices = listChoices(debt, 'greet');
    expect(choices.map((c) => c.source)).toEqual(choices.map(() => 'branch'));
    expect(choices.map((c) => c.intent)).toEqual([
      'yes',
      'wrongPerson',
      'busy',
      'whoAreYou',
      'complaint',
      'notInterested',
    ]);
  });

  it('lists branches, then knowledge, then globals, in the order the robot matches them', () => {
    const sources = listChoices(debt, 'state_debt').map((c) => c.source);
    const firstKnowledge = sources.indexOf('knowledge');
    const firstGlobal = sources.indexOf('global');
    expect(sources.lastIndexOf('branch')).toBeLessThan(firstKnowledge);
    expect(sources.lastIndexOf('knowledge')).toBeLessThan(firstGlobal);
  });

  it('says how taking an intent ends the call, following say nodes to the end', () => {
    const greet = new Map(listChoices(debt, 'greet').map((c) => [c.intent, c]));
    expect(greet.get('wrongPerson')?.ends).toBe('wrongPerson');
    expect(greet.get('busy')?.ends).toBe('busy');
    expect(greet.get('yes')?.ends).toBeNull();
    expect(new Map(listChoices(debt, 'hardship').map((c) => [c.intent, c.ends])).get('yes')).toBe('transfer');

    const purpose = new Map(listChoices(identity, 'check_purpose').map((c) => [c.intent, c.ends]));
    expect(purpose.get('purposeRisky')).toBe('completed'); // purpose_review (say) → closing (hangup)
    expect(purpose.get('whoAreYou')).toBeNull(); // `return`
  });

  it('carries DTMF digits for branches only', () => {
    const greet = new Map(listChoices(identity, 'greet').map((c) => [c.intent, c]));
    expect(greet.get('yes')?.dtmf).toEqual(['1']);
    expect(greet.get('no')?.dtmf).toEqual(['2']);
    for (const choice of listChoices(identity, 'confirm_apply')) {
      if (choice.source !== 'branch') expect(choice.dtmf).toEqual([]);
    }
  });

  it('offers nothing where the robot does not listen', () => {
    expect(listChoices(identity, 'closing')).toEqual([]);
    expect(listChoices(identity, 'no_such_node')).toEqual([]);
  });
});
