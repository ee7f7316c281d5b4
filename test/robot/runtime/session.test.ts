// biome-ignore-all lint/suspicious/noThenProperty: `then` is a script field, never awaited
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: prompts hold ${name} variable references
import { describe, expect, it } from 'vitest';
import type { CompiledScript } from '../../../src/robot/compileScript.js';
import { RobotError } from '../../../src/robot/errors.js';
import { startSession, step } from '../../../src/robot/runtime/session.js';
import type { SessionState, StepResult, TurnInput } from '../../../src/robot/runtime/types.js';
import { compile, offerScript } from './scripts.js';

const T0 = Date.UTC(2026, 0, 5, 9, 0);

function say(text: string, at = T0 + 5_000, interrupted?: boolean): TurnInput {
  return interrupted === undefined ? { kind: 'text', text, at } : { kind: 'text', text, at, interrupted };
}
const silence = (at = T0 + 5_000): TurnInput => ({ kind: 'silence', at });

/** Runs the turns one after another from a fresh call. */
function run(compiled: CompiledScript, turns: TurnInput[], variables = { name: 'Ann' }): StepResult[] {
  const results = [startSession(compiled, variables, T0)];
  for (const turn of turns) results.push(step(compiled, (results.at(-1) as StepResult).state, turn));
  return results;
}
const last = (results: StepResult[]) => results.at(-1) as StepResult;

const OFFER = 'Would you like our travel card?';

describe('startSession', () => {
  const compiled = compile(offerScript());

  it('speaks say nodes and the first question in one turn, with variables and fallbacks filled', () => {
    const { output, state } = startSession(compiled, { name: 'Ann' }, T0);
    expect(output.say).toEqual(['Hello Ann, this is Acme Bank.', OFFER]);
    expect(output.action).toBe('listen');
    expect(output.silenceTimeoutMs).toBe(5000);
    expect(state.nodeId).toBe('offer');
    expect(state.counters.rounds).toBe(1);
    expect(state.counters.nodesPassed).toBe(2);
    expect(state.tags).toEqual(['offered']);
    expect(state.transcript.map((t) => [t.speaker, t.nodeId, t.seq, t.at])).toEqual([
      ['robot', 'greet', 0, T0],
      ['robot', 'offer', 1, T0],
    ]);
  });

  it('uses the job value over the fallback', () => {
    const { output } = startSession(compiled, { name: 'Ann', product: 'a gold card' }, T0);
    expect(output.say[1]).toBe('Would you like a gold card?');
  });

  it('refuses a job missing a declared variable that has no fallback, naming it', () => {
    const jobs: Record<string, string>[] = [{}, { name: '' }];
    for (const variables of jobs) {
      let caught: unknown;
      try {
        startSession(compiled, variables, T0);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(RobotError);
      expect((caught as RobotError).code).toBe('MISSING_VARIABLE');
      expect((caught as RobotError).message).toContain("'name'");
    }
  });
});

describe('branches', () => {
  const compiled = compile(offerScript());

  it('follows the branch the answer hits and counts its semantic', () => {
    const results = run(compiled, [say('yes please')]);
    const { output, state } = last(results);
    expect(output.say).toEqual(['Shall I text you the details?']);
    expect(output.understood?.kind).toBe('branch');
    expect(output.understood?.match?.intent).toBe('yes');
    expect(output.bargeIn).toBe(false);
    expect(state.nodeId).toBe('confirm');
    expect(state.counters.affirmatives).toBe(1);
    expect(state.hits).toEqual(['yes']);
    const heard = state.transcript.find((t) => t.speaker === 'contact');
    expect(heard).toMatchObject({ text: 'yes please', nodeId: 'offer', kind: 'branch', at: T0 + 5_000 });
  });

  it('takes "not interested" as a refusal, not as "interested"', () => {
    const { output, state } = last(run(compiled, [say("I'm not interested")]));
    expect(output.understood?.match?.intent).toBe('no');
    expect(output.say).toEqual(['Sorry to disturb you, goodbye.']);
    expect(output.action).toBe('hangup');
    expect(state.ended).toBe('completed');
    expect(state.counters).toMatchObject({ refusals: 1, affirmatives: 0 });
  });

  it('understands keyed digits', () => {
    const { state } = last(run(compiled, [{ kind: 'dtmf', digits: '1', at: T0 + 3_000 }]));
    expect(state.nodeId).toBe('confirm');
    expect(state.transcript.at(-2)?.text).toBe('[dtmf 1]');
  });

  it('says the branch text before the next node and ends on a hangup node with its tags', () => {
    const { output, state } = last(run(compiled, [say('sure'), say('yes')]));
    expect(output.say).toEqual(['Great.', 'Thank you, goodbye.']);
    expect(output.action).toBe('hangup');
    expect(state.ended).toBe('completed');
    expect(state.tags).toEqual(['offered', 'interested']);
    expect(state.counters.affirmatives).toBe(2);
  });
});

describe('knowledge answers', () => {
  const compiled = compile(offerScript());

  it('answers, then asks the interrupted question again and listens there', () => {
    const { output, state } = last(run(compiled, [say('what does it cost?')]));
    expect(output.say).toEqual(['There is no annual fee.', OFFER]);
    expect(output.understood?.kind).toBe('knowledge');
    expect(state.nodeId).toBe('offer');
    expect(state.counters).toMatchObject({ knowledgeHits: 1, businessHits: 1 });
  });

  it('counts business questions only for entries marked business', () => {
    const { state } = last(run(compiled, [say('what is the interest rate')]));
    expect(state.counters).toMatchObject({ knowledgeHits: 1, businessHits: 0 });
  });

  it('keeps the retry counts of the interrupted node', () => {
    const results = run(compiled, [say('blah'), say('what is the fee'), say('blah blah'), say('hmm what')]);
    expect(results[3]?.output.say).toEqual([OFFER]);
    const { output, state } = last(results);
    expect(output.action).toBe('hangup');
    expect(output.say).toEqual([]);
    expect(state.ended).toBe('noMatch');
    expect(state.counters.noMatches).toBe(3);
  });

  it('is not matched on a node that turns globals off', () => {
    const { output, state } = last(run(compiled, [say('yes'), say('what is the fee')]));
    expect(output.understood?.kind).toBe('noMatch');
    expect(output.say).toEqual(['Shall I text you the details?']);
    expect(state.counters.knowledgeHits).toBe(0);
  });

  it('goes to the node given instead of returning', () => {
    const script = offerScript();
    script.knowledge = [{ intent: 'fee', answer: 'No fee.', then: 'byeDone' }];
    const { output, state } = last(run(compile(script), [say('the fee?')]));
    expect(output.say).toEqual(['No fee.', 'Thank you, goodbye.']);
    expect(state.ended).toBe('completed');
  });
});

describe('global intents', () => {
  const compiled = compile(offerScript());

  it('return: says its text and asks the interrupted question again', () => {
    const { output, state } = last(run(compiled, [say('who are you?')]));
    expect(output.say).toEqual(['I am calling from Acme Bank.', OFFER]);
    expect(output.understood?.kind).toBe('global');
    expect(state.nodeId).toBe('offer');
  });

  it('repeat: says the last robot turn again', () => {
    const { output } = last(run(compiled, [say('what is the fee'), say('pardon?')]));
    expect(output.say).toEqual(['There is no annual fee.', OFFER]);
    expect(output.action).toBe('listen');
  });

  it('goto a node: busy hangs up there', () => {
    const { output, state } = last(run(compiled, [say("I'm busy right now")]));
    expect(output.say).toEqual(['Sorry to bother you.', 'I will call another time.']);
    expect(state.ended).toBe('completed');
    expect(state.nodeId).toBe('byeBusy');
  });

  it('a branch to `return` in a side flow comes back to the interrupted question', () => {
    const results = run(compiled, [say('tell me more'), say('yes')]);
    expect(results[1]?.output.say).toEqual(['It has lounge access. Shall I go on?']);
    const { output, state } = last(results);
    expect(output.say).toEqual([OFFER]);
    expect(state.nodeId).toBe('offer');
    expect(state.returnTo).toBeNull();
  });

  it('taken more often than allowed, ends the call with maxRounds', () => {
    const results = run(compiled, [say('who are you'), say('who are you'), say('who are you')]);
    expect(results[2]?.output.action).toBe('listen');
    const { output, state } = last(results);
    expect(output.action).toBe('hangup');
    expect(state.ended).toBe('maxRounds');
    expect(state.repeats['global:whoAreYou']).toBe(3);
  });

  it('taken more often than allowed, goes to `exceeded` when given', () => {
    const script = offerScript();
    script.globals = [{ intent: 'whoAreYou', say: 'Acme Bank.', goto: 'return', maxRepeats: 1, exceeded: 'byeDone' }];
    const { output, state } = last(run(compile(script), [say('who are you'), say('who are you')]));
    expect(output.say).toEqual(['Thank you, goodbye.']);
    expect(state.ended).toBe('completed');
  });
});

describe('branch repeat limits', () => {
  const script = offerScript();
  script.intents.what = { keywords: ['what'] };
  script.nodes.offer = {
    type: 'ask',
    say: 'Would you like our travel card?',
    branches: [
      { intent: 'what', say: 'A card for travel.', goto: 'offer', maxRepeats: 2 },
      { intent: 'yes', goto: 'byeDone' },
    ],
  };

  it('a branch looping to its own node is cut after maxRepeats', () => {
    const results = run(compile(script), [say('what'), say('what'), say('what')]);
    expect(results[1]?.output.say).toEqual(['A card for travel.', OFFER]);
    expect(results[2]?.output.say).toEqual(['A card for travel.', OFFER]);
    const { output, state } = last(results);
    expect(output.action).toBe('hangup');
    expect(state.ended).toBe('maxRounds');
  });

  it('goes to `exceeded` instead when the branch names it', () => {
    const withExceeded = structuredClone(script);
    const offer = withExceeded.nodes.offer;
    if (offer?.type !== 'ask') throw new Error('offer is an ask node');
    offer.branches[0] = { ...offer.branches[0], intent: 'what', goto: 'offer', maxRepeats: 1, exceeded: 'byeRefused' };
    const { output } = last(run(compile(withExceeded), [say('what'), say('what')]));
    expect(output.say).toEqual(['Sorry to disturb you, goodbye.']);
  });
});

describe('silence and answers not understood', () => {
  it('without a rule: repeats the prompt twice, then hangs up with silence', () => {
    const results = run(compile(offerScript()), [silence(), silence(), silence()]);
    expect(results.slice(1, 3).map((r) => r.output.say)).toEqual([[OFFER], [OFFER]]);
    const { output, state } = last(results);
    expect(output).toMatchObject({ action: 'hangup', say: [] });
    expect(state.ended).toBe('silence');
    expect(state.counters.silences).toBe(3);
    expect(state.transcript.at(-1)).toMatchObject({ speaker: 'contact', text: '', kind: 'silence' });
  });

  it('with a rule: cycles its prompts, then goes to `then` keeping the reason silence', () => {
    const script = offerScript();
    const offer = script.nodes.offer;
    if (offer?.type !== 'ask') throw new Error('offer is an ask node');
    offer.noInput = { say: ['Hello?', 'Are you there?'], retries: 3, then: 'byeSilent' };
    script.nodes.byeSilent = { type: 'hangup', say: 'I will try later.', outcome: 'noResponse' };
    const results = run(compile(script), [silence(), silence(), silence(), silence()]);
    expect(results.slice(1, 4).map((r) => r.output.say)).toEqual([['Hello?'], ['Are you there?'], ['Hello?']]);
    const { output, state } = last(results);
    expect(output.say).toEqual(['I will try later.']);
    expect(state.ended).toBe('silence');
  });

  it('noMatch with retries 0 goes to `then` at once, keeping the reason noMatch', () => {
    const script = offerScript();
    const offer = script.nodes.offer;
    if (offer?.type !== 'ask') throw new Error('offer is an ask node');
    offer.noMatch = { retries: 0, then: 'byeDone' };
    const { output, state } = last(run(compile(script), [say('the weather is nice')]));
    expect(output.say).toEqual(['Thank you, goodbye.']);
    expect(state.ended).toBe('noMatch');
  });

  it('retry counts start again on a new node', () => {
    const results = run(compile(offerScript()), [silence(), silence(), say('yes'), silence(), silence()]);
    expect(last(results).output.say).toEqual(['Shall I text you the details?']);
    expect(last(results).state.ended).toBeNull();
  });
});

describe('barge-in', () => {
  const compiled = compile(offerScript());

  it('ignores an interruption where barge-in is off: no match, no prompt, keeps listening', () => {
    const results = run(compiled, [say('yes'), say('no', T0 + 6_000, true)]);
    const { output, state } = last(results);
    expect(output).toMatchObject({ say: [], action: 'listen', understood: { kind: 'ignored' } });
    expect(state.nodeId).toBe('confirm');
    expect(state.counters).toMatchObject({ interruptions: 1, refusals: 0 });
    expect(state.counters.rounds).toBe(results[1]?.state.counters.rounds);
    const after = step(compiled, state, say('no', T0 + 9_000));
    expect(after.output.say).toEqual(['Thank you, goodbye.']);
  });

  it('matches an interruption where barge-in is on, still counting it', () => {
    const { state } = last(run(compiled, [say('yes', T0 + 1_000, true)]));
    expect(state.nodeId).toBe('confirm');
    expect(state.counters.interruptions).toBe(1);
  });

  it('a repeat after an ignored turn repeats the last thing said', () => {
    const script = offerScript();
    const confirm = script.nodes.confirm;
    if (confirm?.type !== 'ask') throw new Error('confirm is an ask node');
    confirm.globals = true;
    const results = run(compile(script), [say('yes'), say('hm', T0 + 6_000, true), say('pardon')]);
    expect(last(results).output.say).toEqual(['Shall I text you the details?']);
  });
});

describe('maxRounds', () => {
  const rounds = (onMaxRounds?: string) =>
    compile(
      offerScript({
        options: { maxRounds: 3, ...(onMaxRounds === undefined ? {} : { onMaxRounds }) },
      }),
    );

  it('after maxRounds robot turns, an answer that would go on goes to onMaxRounds', () => {
    const results = run(rounds('byeDone'), [say('who are you'), say('what is the fee'), say('what is the fee')]);
    expect(results[2]?.output.action).toBe('listen');
    const { output, state } = last(results);
    expect(output.say).toEqual(['Thank you, goodbye.']);
    expect(state.ended).toBe('maxRounds');
    expect(state.counters.rounds).toBe(4);
    // The caller's last turn is still understood and counted.
    expect(output.understood?.kind).toBe('knowledge');
    expect(state.counters.knowledgeHits).toBe(2);
  });

  it('without onMaxRounds the call ends with maxRounds and nothing more is said', () => {
    const { output, state } = last(run(rounds(), [silence(), silence(), say('what is the fee')]));
    expect(output).toMatchObject({ say: [], action: 'hangup' });
    expect(state.ended).toBe('maxRounds');
    expect(state.counters.knowledgeHits).toBe(1);
  });

  it('lets an answer that ends the call end it as usual', () => {
    const { state } = last(run(rounds('byeDone'), [silence(), silence(), say('not interested')]));
    expect(state.ended).toBe('completed');
    expect(state.nodeId).toBe('byeRefused');
  });

  it('cuts a say-node cycle inside one step', () => {
    const script = offerScript();
    script.nodes.greet = { type: 'say', say: 'Hello.', goto: 'loop' };
    script.nodes.loop = { type: 'say', say: 'Again.', goto: 'greet' };
    const { output, state } = startSession(compile(script), { name: 'Ann' }, T0);
    expect(output.action).toBe('hangup');
    expect(output.say).toEqual(['Hello.', 'Again.']);
    expect(state.ended).toBe('maxRounds');
  });
});

describe('nodes: set, transfer, errors', () => {
  it('sets variables on entering a node for later prompts', () => {
    const script = offerScript();
    script.nodes.greet = { type: 'say', say: 'Hello ${name}.', set: { plan: 'gold for ${name}' }, goto: 'offer' };
    const offer = script.nodes.offer;
    if (offer?.type !== 'ask') throw new Error('offer is an ask node');
    offer.say = 'Your plan is ${plan}. Interested?';
    const { output, state } = startSession(compile(script), { name: 'Ann' }, T0);
    expect(output.say).toEqual(['Hello Ann.', 'Your plan is gold for Ann. Interested?']);
    expect(state.variables.plan).toBe('gold for Ann');
  });

  it('ends with error, not a gap, when a prompt uses a variable not set yet', () => {
    const script = offerScript();
    script.nodes.greet = { type: 'say', say: 'Your code is ${code}.', goto: 'offer' };
    const { output, state } = startSession(compile(script), { name: 'Ann' }, T0);
    expect(output).toMatchObject({ action: 'hangup', say: [] });
    expect(state.ended).toBe('error');
  });

  it('transfers to the target with variables filled', () => {
    const script = offerScript();
    script.variables = [...(script.variables ?? []), { name: 'queue', fallback: 'sales' }];
    script.nodes.confirm = { type: 'transfer', say: 'Connecting you now.', target: 'queue:${queue}' };
    const { output, state } = last(run(compile(script), [say('yes')]));
    expect(output).toMatchObject({ action: 'transfer', say: ['Connecting you now.'] });
    expect(state).toMatchObject({ ended: 'transferred', transferTo: 'queue:sales' });
  });
});

describe('the session', () => {
  const compiled = compile(offerScript());

  it('ends when the caller hangs up, at any point', () => {
    const { output, state } = last(run(compiled, [say('what is the fee'), { kind: 'hangup', at: T0 + 9_000 }]));
    expect(output).toMatchObject({ action: 'hangup', say: [], understood: { kind: 'hangup' } });
    expect(state.ended).toBe('callerHungUp');
    expect(state.lastAt).toBe(T0 + 9_000);
    expect(state.transcript.at(-1)).toMatchObject({ speaker: 'contact', kind: 'hangup' });
  });

  it('refuses a step after the end', () => {
    const { state } = last(run(compiled, [say('no')]));
    expect(() => step(compiled, state, say('hello?'))).toThrow(
      expect.objectContaining({ name: 'RobotError', code: 'SESSION_ENDED' }),
    );
  });

  it('never changes the state it is given', () => {
    const { state } = startSession(compiled, { name: 'Ann' }, T0);
    const before = JSON.stringify(state);
    step(compiled, state, say('what is the fee'));
    step(compiled, state, say('yes'));
    expect(JSON.stringify(state)).toBe(before);
  });

  it('is plain data: a JSON round trip mid-call gives the same next step', () => {
    const mid: SessionState = last(run(compiled, [say('who are you'), silence(), say('tell me more')])).state;
    const revived = JSON.parse(JSON.stringify(mid)) as SessionState;
    for (const next of [say('yes'), silence(), say('who are you'), say('pardon')]) {
      expect(step(compiled, revived, next)).toEqual(step(compiled, mid, next));
    }
  });

  it('numbers the transcript in order and counts distinct nodes passed', () => {
    const { state } = last(run(compiled, [say('tell me more'), say('yes'), say('yes'), say('yes')]));
    expect(state.transcript.map((t) => t.seq)).toEqual(state.transcript.map((_, i) => i));
    expect(state.visited).toEqual(['greet', 'offer', 'details', 'confirm', 'byeDone']);
    expect(state.counters.nodesPassed).toBe(5);
  });
});
