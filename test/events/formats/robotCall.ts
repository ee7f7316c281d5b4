import type { TaskRobotResult } from '../../../src/core/events.js';

/**
 * A debt reminder the robot graded A: the customer confirms who they are, asks about interest (a knowledge
 * answer, then the robot re-asks), stays silent once (a retry), promises to pay, and the robot says goodbye
 * and hangs up. Times are ms after the answer.
 */
export function robotCall(answeredAt: number): TaskRobotResult {
  const at = (ms: number) => answeredAt + ms;
  const remind = '您在本月有一笔20元的账单今天到期，请问今天能还上吗？';
  return {
    scriptVersion: 3,
    level: 'A',
    label: 'A(有明确意向)',
    rule: '(肯定次数 >= 2 次 并且 拒绝次数 = 0 次) 或者 (肯定次数 >= 1 次 并且 命中业务问题 >= 1 次 并且 拒绝次数 = 0 次)',
    tags: ['askedAboutInterest', 'promisedToPay'],
    endReason: 'completed',
    rounds: 5,
    transferTo: null,
    transcript: [
      { seq: 0, speaker: 'robot', text: '喂，您好，请问是张先生吗？', at: at(0), nodeId: 'greet' },
      {
        seq: 1,
        speaker: 'contact',
        text: '是我，什么事？',
        at: at(4200),
        nodeId: 'greet',
        kind: 'branch',
        intent: 'confirm',
        words: ['是我'],
      },
      { seq: 2, speaker: 'robot', text: remind, at: at(4200), nodeId: 'remind' },
      {
        seq: 3,
        speaker: 'contact',
        text: '利息怎么算的？',
        at: at(11_800),
        nodeId: 'remind',
        kind: 'knowledge',
        intent: 'interest',
        words: ['利息', '怎么算'],
      },
      { seq: 4, speaker: 'robot', text: '逾期后每天按万分之五计息。', at: at(11_800), nodeId: 'remind' },
      { seq: 5, speaker: 'robot', text: remind, at: at(11_800), nodeId: 'remind' },
      { seq: 6, speaker: 'contact', text: '', at: at(21_800), nodeId: 'remind', kind: 'silence' },
      { seq: 7, speaker: 'robot', text: '您好，还在听吗？今天能还上吗？', at: at(21_800), nodeId: 'remind' },
      {
        seq: 8,
        speaker: 'contact',
        text: '嗯嗯听不太清，好的今天还',
        at: at(27_500),
        nodeId: 'remind',
        kind: 'branch',
        intent: 'agree',
        words: ['好的'],
      },
      { seq: 9, speaker: 'robot', text: '好的，感谢您的配合，再见。', at: at(27_500), nodeId: 'bye' },
    ],
  };
}

/** The grade of a call nobody answered: the call status alone (BaiYing's D), no dialogue. */
export function unansweredRobotCall(): TaskRobotResult {
  return {
    scriptVersion: 3,
    level: 'D',
    label: 'D(用户忙)',
    rule: '通话状态 = 占线、未接、拒接、关机 或者 用户忙',
    tags: [],
    endReason: null,
    rounds: 0,
    transferTo: null,
    transcript: [],
  };
}
