import { describe, expect, it } from 'vitest';
import {
  wireCallingNumber,
  wireExecutingInfo,
  wireInstance,
  wireJob,
  wireJobGroup,
  wireJobWithResult,
  wireProgressDescribe,
  wireProgressList,
  wireScript,
  wireStrategy,
  wireTask,
} from '../../../src/api/alibaba/wire/index.js';
import { FailureReason, JobStatus, TaskStatus } from '../../../src/core/enums.js';
import { parseStrategy } from '../../../src/core/strategy/parseStrategy.js';
import type { Strategy } from '../../../src/core/strategy/types.js';
import type { Instance, Job, JobGroup, JobGroupProgress, Script, Task } from '../../../src/core/types.js';
import { robotCall, unansweredRobotCall } from '../../events/formats/robotCall.js';

// Field names as the vendor's TypeScript SDK (aliyun/alibabacloud-typescript-sdk, outboundbot-20191226
// src/models/*ResponseBody.ts `static names()`) declares them.
const SDK = {
  describeJobGroup: [
    'CallingNumbers',
    'CreationTime',
    'ExportProgress',
    'FlashSmsExtras',
    'JobDataParsingTaskId',
    'JobFilePath',
    'JobGroupDescription',
    'JobGroupId',
    'JobGroupName',
    'MinConcurrency',
    'ModifyTime',
    'Priority',
    'Progress',
    'RecallCallingNumbers',
    'RecallStrategy',
    'Result',
    'RingingDuration',
    'ScenarioId',
    'ScriptId',
    'ScriptName',
    'ScriptNluEngine',
    'ScriptVersion',
    'Status',
    'Strategy',
  ],
  modifyJobGroup: [
    'CallingNumbers',
    'CreationTime',
    'ExportProgress',
    'FlashSmsExtras',
    'JobDataParsingTaskId',
    'JobFilePath',
    'JobGroupDescription',
    'JobGroupId',
    'JobGroupName',
    'MinConcurrency',
    'ModifyTime',
    'Priority',
    'RecallStrategy',
    'RingingDuration',
    'ScenarioId',
    'ScriptName',
    'ScriptVersion',
    'Status',
    'Strategy',
  ],
  listJobGroups: [
    'CreationTime',
    'ExportProgress',
    'JobDataParsingTaskId',
    'JobGroupDescription',
    'JobGroupId',
    'JobGroupName',
    'MinConcurrency',
    'ModifyTime',
    'Progress',
    'ScriptId',
    'ScriptName',
    'ScriptVersion',
    'Status',
    'Strategy',
    'TotalCallNum',
  ],
  strategy: [
    'Customized',
    'EndTime',
    'FollowUpStrategy',
    'IsTemplate',
    'MaxAttemptsPerDay',
    'MinAttemptInterval',
    'RepeatBy',
    'RepeatDays',
    'Repeatable',
    'RoutingStrategy',
    'StartTime',
    'StrategyDescription',
    'StrategyId',
    'StrategyName',
    'Type',
    'WorkingTime',
  ],
  progressDescribe: [
    'Briefs',
    'Cancelled',
    'Categories',
    'Duration',
    'Executing',
    'Failed',
    'Paused',
    'Scheduling',
    'StartTime',
    'Status',
    'TotalCompleted',
    'TotalJobs',
    'TotalNotAnswered',
  ],
  progressList: [
    'CancelledNum',
    'Duration',
    'ExecutingNum',
    'FailedNum',
    'PausedNum',
    'Scheduling',
    'StartTime',
    'Status',
    'TotalCompleted',
    'TotalJobs',
    'TotalNotAnswered',
  ],
  job: [
    'ActualTime',
    'CalledNumber',
    'CallingNumbers',
    'Contacts',
    'DsReport',
    'Extras',
    'FailureReason',
    'InstanceId',
    'JobGroupId',
    'JobId',
    'NextExecutionTime',
    'Priority',
    'ReferenceId',
    'ScenarioId',
    'Status',
    'StrategyId',
    'Summary',
    'SystemPriority',
    'Tasks',
  ],
  contact: ['ContactId', 'ContactName', 'Honorific', 'JobId', 'PhoneNumber', 'ReferenceId', 'Role', 'State'],
  task: [
    'ActualTime',
    'Brief',
    'CallId',
    'CalledNumber',
    'CallingNumber',
    'ChatbotId',
    'Contact',
    'Conversation',
    'Duration',
    'EndReason',
    'EndTime',
    'HangUpDirection',
    'JobId',
    'PlanedTime',
    'RealRingingDuration',
    'RingingDuration',
    'ScenarioId',
    'SipCode',
    'SipDuration',
    'Status',
    'TaskId',
    'TotalDuration',
  ],
  jobWithResult: ['Id', 'JobFailureReason', 'LatestTask', 'Status', 'StatusName'],
  latestTask: [
    'CallDuration',
    'CallDurationDisplay',
    'CallTime',
    'Contact',
    'DialExceptionCodes',
    'Extras',
    'HangUpDirection',
    'HasAnswered',
    'HasHangUpByRejection',
    'HasLastPlaybackCompleted',
    'HasReachedEndOfFlow',
    'Status',
    'StatusName',
    'TagHits',
    'TaskEndReason',
  ],
  latestTaskContact: [
    'Honorific',
    'Id',
    'JobUuid',
    'Name',
    'PhoneNumber',
    'PreferredPhoneNumber',
    'ReferenceId',
    'Role',
    'Round',
    'State',
  ],
  executingInfo: [
    'AvgTalkTime',
    'CallFailedNum',
    'CallNum',
    'CreatorName',
    'DurationDistribution',
    'EndTime',
    'FinishedNum',
    'HangUpByClientNum',
    'JobsProgress',
    'NoInteractionNum',
    'StartTime',
    'TalkTurnsDistribution',
    'TransferByIntentNum',
    'TransferByNoAnswer',
  ],
  jobsProgress: [
    'CancelledNum',
    'ExecutingNum',
    'FailedNum',
    'PausedNum',
    'SchedulingNum',
    'TotalCompletedNum',
    'TotalJobs',
    'TotalNotAnsweredNum',
  ],
  instance: [
    'CreationTime',
    'CreatorId',
    'CreatorName',
    'InstanceDescription',
    'InstanceId',
    'InstanceName',
    'IsPreset',
    'MaxConcurrentConversation',
    'OwnerName',
    'ResourceGroupId',
    'ResourceTags',
  ],
  script: [
    'AgentKey',
    'AgentLlm',
    'ChatBotId',
    'CreateTime',
    'DebugStatus',
    'EmotionEnable',
    'Industry',
    'IsDebugDrafted',
    'IsDrafted',
    'IsPreset',
    'LongWaitEnable',
    'MiniPlaybackEnable',
    'NewBargeInEnable',
    'NluAccessType',
    'NluEngine',
    'RejectReason',
    'Scene',
    'ScriptDescription',
    'ScriptId',
    'ScriptName',
    'Status',
    'UpdateTime',
    'ChatbotId',
  ],
  callingNumber: ['Number', 'OutboundCallNumberId', 'RateLimitCount', 'RateLimitPeriod'],
  conversation: ['Action', 'ActionParams', 'Script', 'SequenceId', 'Speaker', 'Summary', 'Timestamp'],
  summary: ['Category', 'Content', 'SummaryName'],
  tagHit: ['TagGroup', 'TagName'],
};

const T0 = Date.UTC(2026, 0, 5, 1, 0, 0);
const HOUR = 3_600_000;

const strategy: Strategy = {
  repeatBy: 'week',
  repeatDays: [1, 3, 5],
  workingTime: [
    { begin: 9 * 3600, end: 12 * 3600 },
    { begin: 14 * 3600 + 30 * 60, end: 86_400 },
  ],
  holidays: [],
  startTime: T0,
  endTime: T0 + 48 * HOUR,
  maxAttemptsPerDay: 3,
  minAttemptInterval: 10,
};

const group: JobGroup = {
  id: 'group-1',
  instanceId: 'inst-1',
  name: '催收作业组',
  description: '第一个作业组',
  scriptId: 'script-1',
  scriptVersion: 2,
  status: 'Executing',
  priority: 'Urgent',
  strategy,
  recallStrategy: { emptyNumberIgnore: true, inArrearsIgnore: false, outOfServiceIgnore: true },
  lineGroupIds: ['lg-1'],
  ringingDuration: 25,
  concurrency: 4,
  timeZone: 'Asia/Shanghai',
  createdAt: T0 - HOUR,
  modifiedAt: T0 - 30 * 60_000,
  startedAt: T0,
  finishedAt: null,
  version: 3,
};

const progress: JobGroupProgress = {
  jobGroupId: 'group-1',
  status: 'Executing',
  totalJobs: 20,
  jobsByStatus: { Scheduling: 5, Executing: 2, Succeeded: 8, Paused: 1, Failed: 3, Cancelled: 1 },
  failureReasons: { NoAnswer: 3 },
  tasksByStatus: { Succeeded: 8, NoAnswer: 6, Busy: 1, Executing: 2 },
  attempts: 17,
  answered: 8,
  answerRate: 8 / 15,
  talkSeconds: 400,
  firstCallAt: T0 + 60_000,
  lastCallEndAt: T0 + 2 * HOUR,
  startedAt: T0,
  finishedAt: null,
};

const job: Job = {
  id: 'job-1',
  instanceId: 'inst-1',
  jobGroupId: 'group-1',
  referenceId: 'ref-01',
  status: JobStatus.Failed,
  failureReason: FailureReason.NoAnswer,
  priority: 5,
  contacts: [
    { phoneNumber: '138 0013 8000', e164: '+8613800138000', name: '张三', honorific: '张先生', referenceId: 'ref-01' },
  ],
  extras: [{ key: 'debt', value: '1000.50' }],
  timeZone: null,
  strategy: null,
  nextAttemptAt: null,
  history: { attempts: 2, dayKey: '2026-01-05', dayAttempts: 2, lastEndedAt: T0 + HOUR },
  createdAt: T0 - HOUR,
  updatedAt: T0 + HOUR,
  finishedAt: T0 + HOUR,
  version: 4,
};

const task = (attempt: number, over: Partial<Task> = {}): Task => ({
  id: `task-${attempt}`,
  jobId: 'job-1',
  jobGroupId: 'group-1',
  instanceId: 'inst-1',
  attempt,
  status: TaskStatus.NoAnswer,
  plannedTime: T0 + attempt * 600_000,
  actualTime: T0 + attempt * 600_000 + 1000,
  endTime: T0 + attempt * 600_000 + 26_000,
  callingNumber: '02100000001',
  calledNumber: '+8613800138000',
  lineGroupId: 'lg-1',
  lineId: 'line-1',
  hangupCause: 'NO_ANSWER',
  sipCode: 480,
  ringDuration: 25_000,
  talkDuration: 0,
  recording: null,
  ...over,
});

const keys = (o: object) => Object.keys(o);

describe('JobGroup, in the three shapes the actions return', () => {
  it('describe: every DescribeJobGroup field, Progress with Executing/Paused/Failed/Cancelled', () => {
    const g = wireJobGroup(group, { callingNumbers: ['02100000001'], progress, scriptName: '催收话术' }, 'describe');
    expect(keys(g)).toEqual(expect.arrayContaining(SDK.describeJobGroup));
    expect(g).toMatchObject({
      JobGroupId: 'group-1',
      JobGroupName: '催收作业组',
      JobGroupDescription: '第一个作业组',
      Status: 'Executing',
      CreationTime: T0 - HOUR,
      ModifyTime: String(T0 - 30 * 60_000),
      ScriptId: 'script-1',
      ScenarioId: 'script-1',
      ScriptName: '催收话术',
      ScriptVersion: '2',
      CallingNumbers: ['02100000001'],
      RecallCallingNumbers: [],
      RingingDuration: 25,
      Priority: 'Urgent',
      MinConcurrency: 4,
      FlashSmsExtras: { ConfigId: '', TemplateId: '' },
      RecallStrategy: { EmptyNumberIgnore: true, InArrearsIgnore: false, OutOfServiceIgnore: true },
    });
    expect(keys(g.Strategy)).toEqual(expect.arrayContaining(SDK.strategy));
    expect(keys(g.Progress).sort()).toEqual([...SDK.progressDescribe].sort());
  });

  it('list: the ListJobGroups item, Progress with ExecutingNum/PausedNum/FailedNum/CancelledNum', () => {
    const g = wireJobGroup(group, { callingNumbers: ['02100000001'], progress }, 'list');
    expect(keys(g).sort()).toEqual([...SDK.listJobGroups].sort());
    expect(keys(g.Progress).sort()).toEqual([...SDK.progressList].sort());
    expect(g.Strategy).toEqual({ StartTime: T0, EndTime: T0 + 48 * HOUR });
    expect(g.TotalCallNum).toBe(17);
    expect(g.ScriptName).toBe('');
  });

  it('modify: what CreateJobGroup and ModifyJobGroup return, FlashSmsExtras as a string, no Progress', () => {
    const g = wireJobGroup(group, { callingNumbers: [] }, 'modify');
    expect(keys(g)).toEqual(expect.arrayContaining(SDK.modifyJobGroup));
    expect(g).not.toHaveProperty('Progress');
    expect(g.FlashSmsExtras).toBe('');
  });

  it('a group without progress given reports zeros rather than leaving Progress out', () => {
    const g = wireJobGroup({ ...group, status: 'Draft', startedAt: null }, { callingNumbers: [] }, 'describe');
    expect(g.Progress).toMatchObject({ TotalJobs: 0, Executing: 0, Status: 'Draft', StartTime: 0, Duration: 0 });
  });
});

describe('Progress: the two spellings carry the same counts', () => {
  it('DescribeJobGroup spelling', () => {
    expect(wireProgressDescribe(progress)).toEqual({
      TotalJobs: 20,
      TotalCompleted: 12,
      Scheduling: 5,
      Executing: 2,
      Paused: 1,
      Failed: 3,
      Cancelled: 1,
      TotalNotAnswered: 7,
      Status: 'Executing',
      StartTime: T0 + 60_000,
      Duration: 2 * HOUR - 60_000,
      Briefs: [],
      Categories: [],
    });
  });

  it('ListJobGroups spelling', () => {
    expect(wireProgressList(progress)).toEqual({
      TotalJobs: 20,
      TotalCompleted: 12,
      Scheduling: 5,
      ExecutingNum: 2,
      PausedNum: 1,
      FailedNum: 3,
      CancelledNum: 1,
      TotalNotAnswered: 7,
      Status: 'Executing',
      StartTime: T0 + 60_000,
      Duration: 2 * HOUR - 60_000,
    });
  });

  it('DescribeGroupExecutingInfo', () => {
    const info = wireExecutingInfo(progress);
    expect(keys(info).sort()).toEqual([...SDK.executingInfo].sort());
    expect(keys(info.JobsProgress).sort()).toEqual([...SDK.jobsProgress].sort());
    expect(info).toMatchObject({ CallNum: 17, FinishedNum: 8, CallFailedNum: 7, AvgTalkTime: 50 });
    expect(info.JobsProgress).toMatchObject({ TotalJobs: 20, TotalCompletedNum: 12, SchedulingNum: 5 });
  });
});

describe('Strategy', () => {
  it('uses the vendor names and HH:mm:ss windows', () => {
    expect(wireStrategy(strategy)).toMatchObject({
      RepeatBy: 'Week',
      RepeatDays: ['1', '3', '5'],
      Repeatable: true,
      StartTime: T0,
      EndTime: T0 + 48 * HOUR,
      WorkingTime: [
        { BeginTime: '09:00:00', EndTime: '12:00:00' },
        { BeginTime: '14:30:00', EndTime: '24:00:00' },
      ],
      MaxAttemptsPerDay: 3,
      MinAttemptInterval: 10,
    });
  });

  it.each<[string, Strategy]>([
    ['week with windows', strategy],
    [
      'immediate',
      {
        repeatBy: 'immediate',
        repeatDays: [],
        workingTime: [],
        holidays: [],
        maxAttemptsPerDay: 1,
        minAttemptInterval: 1,
      },
    ],
    [
      'month with holidays and a cap',
      {
        ...strategy,
        repeatBy: 'month',
        repeatDays: [1, 15, 31],
        holidays: [{ begin: '2026-02-16T00:00:00', end: '2026-02-23T00:00:00' }],
        maxAttempts: 6,
        startTime: undefined,
        endTime: undefined,
      },
    ],
  ])('%s: sent back as a StrategyJson, it means the same strategy', (_, s) => {
    const clean = JSON.parse(JSON.stringify(s));
    expect(parseStrategy(JSON.stringify(wireStrategy(s)))).toEqual(clean);
  });
});

describe('Job and Task', () => {
  const tasks = [task(2), task(1, { callingNumber: '02100000002' })];

  it('a Job carries every vendor field, statuses by name, the phone number as the user gave it', () => {
    const j = wireJob(job, tasks);
    expect(keys(j)).toEqual(expect.arrayContaining(SDK.job));
    expect(j).toMatchObject({
      JobId: 'job-1',
      JobGroupId: 'group-1',
      InstanceId: 'inst-1',
      Status: 'Failed',
      FailureReason: 'NoAnswer',
      Priority: 5,
      ReferenceId: 'ref-01',
      CalledNumber: '138 0013 8000',
      CallingNumbers: ['02100000002', '02100000001'],
      NextExecutionTime: 0,
      Extras: [{ Key: 'debt', Value: '1000.50' }],
      Summary: [],
    });
    expect(keys(j.Contacts[0]!).sort()).toEqual([...SDK.contact].sort());
    expect(j.Contacts[0]).toMatchObject({
      ContactName: '张三',
      Honorific: '张先生',
      PhoneNumber: '138 0013 8000',
      ReferenceId: 'ref-01',
      JobId: 'job-1',
      State: 'Available',
    });
    expect(j.Tasks?.map((t) => t.TaskId)).toEqual(['task-1', 'task-2']);
  });

  it('a Job listed without tasks has no Tasks, and an open job no FailureReason', () => {
    const j = wireJob({ ...job, status: JobStatus.Scheduling, failureReason: null, nextAttemptAt: T0 + HOUR });
    expect(j).not.toHaveProperty('Tasks');
    expect(j).toMatchObject({
      Status: 'Scheduling',
      FailureReason: '',
      NextExecutionTime: T0 + HOUR,
      CallingNumbers: [],
    });
  });

  it('a Task spells PlanedTime as the vendor does, with durations in seconds', () => {
    const t = wireTask(
      task(1, { status: TaskStatus.Succeeded, talkDuration: 42_400, ringDuration: 5_000, sipCode: 200 }),
      job,
    );
    expect(keys(t)).toEqual(expect.arrayContaining(SDK.task));
    expect(t).not.toHaveProperty('PlannedTime');
    expect(t).toMatchObject({
      TaskId: 'task-1',
      JobId: 'job-1',
      Status: 'Succeeded',
      PlanedTime: T0 + 600_000,
      ActualTime: T0 + 601_000,
      EndTime: T0 + 626_000,
      Duration: 42,
      RingingDuration: 5,
      TotalDuration: 25,
      SipCode: '200',
      EndReason: 'FINISHED',
      CallingNumber: '02100000001',
      CalledNumber: '+8613800138000',
    });
    expect(t.Contact).toMatchObject({ ContactName: '张三', PhoneNumber: '138 0013 8000' });
  });

  it('a QueryJobsWithResult item: job status by name and label, its latest call and contact', () => {
    const r = wireJobWithResult(job, task(2));
    expect(keys(r).sort()).toEqual([...SDK.jobWithResult].sort());
    expect(keys(r.LatestTask)).toEqual(expect.arrayContaining(SDK.latestTask));
    expect(keys(r.LatestTask.Contact).sort()).toEqual([...SDK.latestTaskContact].sort());
    expect(r).toMatchObject({ Id: 'job-1', Status: 'Failed', StatusName: '结束-未触达', JobFailureReason: 'NoAnswer' });
    expect(r.LatestTask).toMatchObject({
      CallTime: T0 + 1_201_000,
      Status: 'NoAnswer',
      StatusName: '未接通-无人接听',
      HasAnswered: false,
      Contact: { JobUuid: 'job-1', Name: '张三', PhoneNumber: '138 0013 8000', ReferenceId: 'ref-01', Round: 2 },
    });
  });

  it('a job never dialled still reports its contact', () => {
    const r = wireJobWithResult({ ...job, status: JobStatus.Scheduling, failureReason: null });
    expect(r.StatusName).toBe('调度中');
    expect(r.LatestTask).toMatchObject({
      Status: '',
      CallTime: 0,
      Contact: { PhoneNumber: '138 0013 8000', Round: 0 },
    });
  });
});

describe('the robot’s result: Conversation, Summary, TagHits, EndReason, HangUpDirection', () => {
  const answeredAt = T0 + 606_000;
  const answered = task(1, { status: TaskStatus.Succeeded, talkDuration: 28_000, ringDuration: 5_000, sipCode: 200 });
  const remind = '您在本月有一笔20元的账单今天到期，请问今天能还上吗？';
  const robotLine = (seq: number, Script: string, ms: number, Action = 'Broadcast', ActionParams = '{}') => ({
    Speaker: 'Robot',
    Script,
    Timestamp: answeredAt + ms,
    SequenceId: String(seq),
    Action,
    ActionParams,
    Summary: [],
  });
  const contactLine = (seq: number, Script: string, ms: number, ActionParams: string) => ({
    Speaker: 'Contact',
    Script,
    Timestamp: answeredAt + ms,
    SequenceId: String(seq),
    Action: '',
    ActionParams,
    Summary: [],
  });
  const GRADE = [
    { SummaryName: 'IntentLevel', Content: 'A', Category: '' },
    { SummaryName: 'Tag', Content: 'askedAboutInterest', Category: '' },
    { SummaryName: 'Tag', Content: 'promisedToPay', Category: '' },
  ];

  it('a Task carries the dialogue line by line; the robot’s last line is its hang-up', () => {
    const t = wireTask(answered, job, robotCall(answeredAt));
    expect(t).toMatchObject({ EndReason: 'FINISHED', HangUpDirection: 'ivr' });
    for (const line of t.Conversation) expect(keys(line).sort()).toEqual([...SDK.conversation].sort());
    expect(t.Conversation).toEqual([
      robotLine(0, '喂，您好，请问是张先生吗？', 0),
      contactLine(1, '是我，什么事？', 4200, '{"kind":"branch","intent":"confirm","words":["是我"]}'),
      robotLine(2, remind, 4200),
      contactLine(3, '利息怎么算的？', 11_800, '{"kind":"knowledge","intent":"interest","words":["利息","怎么算"]}'),
      robotLine(4, '逾期后每天按万分之五计息。', 11_800),
      robotLine(5, remind, 11_800),
      contactLine(6, '', 21_800, '{"kind":"silence"}'),
      robotLine(7, '您好，还在听吗？今天能还上吗？', 21_800),
      contactLine(8, '嗯嗯听不太清，好的今天还', 27_500, '{"kind":"branch","intent":"agree","words":["好的"]}'),
      robotLine(9, '好的，感谢您的配合，再见。', 27_500, 'Hangup', '{"endReason":"completed"}'),
    ]);
  });

  it('a transfer ends on a Transfer line naming where the call went', () => {
    const robot = { ...robotCall(answeredAt), endReason: 'transferred', transferTo: '02100000009' };
    const t = wireTask(answered, job, robot);
    expect(t).toMatchObject({ EndReason: 'TRANSFERRED', HangUpDirection: 'ivr' });
    expect(t.Conversation.at(-1)).toEqual(
      robotLine(9, '好的，感谢您的配合，再见。', 27_500, 'Transfer', '{"transferTo":"02100000009"}'),
    );
  });

  it('a customer who hangs up: every robot line a Broadcast, the client hung up', () => {
    const robot = robotCall(answeredAt);
    robot.endReason = 'callerHungUp';
    robot.transcript = [
      ...robot.transcript.slice(0, 3),
      { seq: 3, speaker: 'contact', text: '', at: answeredAt + 6000, nodeId: 'remind', kind: 'hangup' },
    ];
    const t = wireTask(answered, job, robot);
    expect(t).toMatchObject({ EndReason: 'CLIENT_HANGUP', HangUpDirection: 'client' });
    expect(t.Conversation.map((l) => l.Action)).toEqual(['Broadcast', '', 'Broadcast', '']);
    expect(t.Conversation.at(-1)?.ActionParams).toBe('{"kind":"hangup"}');
  });

  it('EndReason says how the robot’s part ended; without a robot an answered call is FINISHED', () => {
    const endReason = (end: string) => wireTask(answered, job, { ...robotCall(answeredAt), endReason: end }).EndReason;
    expect(['silence', 'noMatch', 'maxRounds', 'error'].map(endReason)).toEqual([
      'SILENCE_TIMEOUT',
      'NO_MATCH',
      'MAX_ROUNDS',
      'ERROR',
    ]);
    expect(wireTask(answered, job)).toMatchObject({ EndReason: 'FINISHED', HangUpDirection: '', Conversation: [] });
    const busy = wireTask(task(2, { status: TaskStatus.Busy }), job, unansweredRobotCall());
    expect(busy).toMatchObject({ EndReason: '', HangUpDirection: '', Conversation: [] });
  });

  it('a Job’s Summary is the grade of its latest call, with or without its Tasks', () => {
    const robots = new Map([
      ['task-1', unansweredRobotCall()],
      ['task-2', robotCall(answeredAt)],
    ]);
    const calls = [task(1, { status: TaskStatus.Busy }), { ...answered, id: 'task-2', attempt: 2 }];
    const j = wireJob(job, calls, { byTask: robots });
    for (const item of j.Summary) expect(keys(item).sort()).toEqual([...SDK.summary].sort());
    expect(j.Summary).toEqual(GRADE);
    expect(j.Tasks?.map((t) => t.Conversation.length)).toEqual([0, 10]);
    expect(wireJob(job, undefined, { latest: robotCall(answeredAt) }).Summary).toEqual(GRADE);
    expect(wireJob(job, undefined, { latest: unansweredRobotCall() }).Summary).toEqual([
      { SummaryName: 'IntentLevel', Content: 'D', Category: '' },
    ]);
    expect(wireJob(job, calls).Summary).toEqual([]);
  });

  it('QueryJobsWithResult: the latest call’s end, who hung up, the flow flags and the grade as TagHits', () => {
    const r = wireJobWithResult(job, answered, robotCall(answeredAt)).LatestTask;
    for (const hit of r.TagHits) expect(keys(hit).sort()).toEqual([...SDK.tagHit].sort());
    expect(r).toMatchObject({
      TaskEndReason: 'FINISHED',
      HangUpDirection: '机器人',
      HasAnswered: true,
      HasLastPlaybackCompleted: true,
      HasReachedEndOfFlow: true,
      TagHits: [
        { TagGroup: 'IntentLevel', TagName: 'A' },
        { TagGroup: 'Tag', TagName: 'askedAboutInterest' },
        { TagGroup: 'Tag', TagName: 'promisedToPay' },
      ],
    });
    const flags = (endReason: string) => {
      const t = wireJobWithResult(job, answered, { ...robotCall(answeredAt), endReason }).LatestTask;
      return [t.TaskEndReason, t.HangUpDirection, t.HasLastPlaybackCompleted, t.HasReachedEndOfFlow];
    };
    expect(flags('callerHungUp')).toEqual(['CLIENT_HANGUP', '被叫用户', false, false]);
    expect(flags('silence')).toEqual(['SILENCE_TIMEOUT', '机器人', true, false]);
    expect(flags('transferred')).toEqual(['TRANSFERRED', '机器人', true, true]);
    expect(flags('error')).toEqual(['ERROR', '机器人', false, false]);
    const busy = wireJobWithResult(job, task(2, { status: TaskStatus.Busy }), unansweredRobotCall()).LatestTask;
    expect(busy).toMatchObject({
      TaskEndReason: '',
      HangUpDirection: '',
      HasLastPlaybackCompleted: false,
      HasReachedEndOfFlow: false,
      TagHits: [{ TagGroup: 'IntentLevel', TagName: 'D' }],
    });
  });
});

describe('Instance, Script, calling number', () => {
  it('an instance', () => {
    const instance: Instance = { id: 'inst-1', name: '回访', description: '第一个实例', createdAt: T0 };
    const w = wireInstance(instance, { maxConcurrentConversation: 30 });
    expect(keys(w).sort()).toEqual([...SDK.instance].sort());
    expect(w).toMatchObject({
      InstanceId: 'inst-1',
      InstanceName: '回访',
      InstanceDescription: '第一个实例',
      CreationTime: T0,
      MaxConcurrentConversation: 30,
    });
  });

  it('a script', () => {
    const script: Script = {
      id: 'script-1',
      instanceId: 'inst-1',
      name: '催收话术',
      description: 'd',
      industry: '金融',
      scene: '催收',
      status: 'DRAFTED',
      language: 'zh',
      latestVersion: 1,
      publishedVersion: null,
      createdAt: T0,
      modifiedAt: T0 + 1,
    };
    const w = wireScript(script);
    expect(keys(w)).toEqual(expect.arrayContaining(SDK.script));
    expect(w).toMatchObject({
      ScriptId: 'script-1',
      ScriptName: '催收话术',
      Industry: '金融',
      Scene: '催收',
      Status: 'DRAFTED',
      IsDrafted: true,
      CreateTime: T0,
      UpdateTime: T0 + 1,
    });
  });

  it('a calling number with its group rate limit, or none', () => {
    const line = { id: 'line-1', lineGroupId: 'lg-1', position: 0, callingNumber: '02100000001', capacity: 10 };
    expect(keys(wireCallingNumber(line)).sort()).toEqual([...SDK.callingNumber].sort());
    expect(wireCallingNumber(line, { callsPerSecond: 5 })).toEqual({
      OutboundCallNumberId: 'line-1',
      Number: '02100000001',
      RateLimitCount: '5',
      RateLimitPeriod: '1',
    });
    expect(wireCallingNumber(line, { callsPerSecond: 0 })).toMatchObject({ RateLimitCount: '', RateLimitPeriod: '' });
  });
});
