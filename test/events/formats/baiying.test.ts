import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JOB_GROUP_STATUSES, JobStatus, TaskStatus } from '../../../src/core/enums.js';
import {
  JOB_EVENT_TYPES,
  type JobEvent,
  type JobGroupEvent,
  type TaskRobotResult,
  type TaskSnapshot,
} from '../../../src/core/events.js';
import type { Strategy } from '../../../src/core/strategy/types.js';
import { levelWording } from '../../../src/events/formats/baiying/intentLevel.js';
import { javaGmtDateString } from '../../../src/events/formats/baiying/shanghaiTime.js';
import { tagKey } from '../../../src/events/formats/baiying/tagKey.js';
import { baiyingFormat } from '../../../src/events/formats/baiying.js';
import { robotCall, unansweredRobotCall } from './robotCall.js';

/** Seed 004 (004_3b36aaaf04d5e4c6.txt), lines 32–162: the CALL_INSTANCE_RESULT example, verbatim. */
const SEED_CALL_INSTANCE_RESULT = JSON.parse(String.raw`
{
	"code": 200,
	"data": {
		"dataType": "CALL_INSTANCE_RESULT",
		"data": {
			"sceneInstance": {
				"callInstanceId": 1,
				"companyId": 1,
				"callUserId": 1,
				"callJobId": 1,
				"customerId": 1,
				"customerTelephone": "137xxxxxxxx",
				"customerName": "2989",
				"status": 2,
				"finishStatus": 0,
				"duration": 35,
				"chatRound": 3,
				"startTime": "2019-01-12 16:09:32",
				"endTime": "2019-01-12 16:10:11",
				"callerPhone": "测试线路",
				"luyinOssUrl": "https://byrobot-prod.oss-cn-hangzhou.aliyuncs.com/RobotPhoneCommunicate/11/xxx.wav",
				"userLuyinOssUrl": "https://byrobot-prod.oss-cn-hangzhou.aliyuncs.com/RobotPhoneCommunicate/11.wav",
				"properties": "{\"csStaffId\":12,\"csStaffMobile\":\"15957182700\",\"csStaffName\":\"123\",\"duration\":20,\"failReason\":\"失败了就是失败了\",\"finishTime\":1546506273268,\"seatGroupId\":1,\"seatGroupName\":\"测试失败\",\"startTime\":1546506263268,\"succTime\":1546506283268,\"success\":false,\"transferMobile\":false,\"useEavesdrop\":false}",
				"handlePerson": "测试线路",
				"callType": 1,
				"callIndex": 0,
				"readStatus": 0,
				"jobName": "GG0112-YX NEW1",
				"robotDefId": 180,
				"sceneDefId": 192,
				"sceneRecordId": 192,
				"corpName": "{\"calledTimes\":1,\"callerId\":887,\"host\":\"byrobot-prod27\",\"ip\":\"172.16.67.198\",\"useAsr\":\"pay\"}",
				"industry": "1540384412_151_1",
				"trackResult": "C级(很少)",
				"bugType": null,
				"hangUp": 1,
				"secondaryCallTime": "1970-01-01 09:00:00",
				"secondaryCallTimes": 0,
				"cost": 0,
				"callbacked": 0,
				"csStaffId": null,
				"gmtCreate": "2019-01-12 10:48:42",
				"gmtModified": "2019-01-12 10:48:42"
			},
			"taskResult": [{
				"sceneInstanceResultId": 1117274388,
				"companyId": 151,
				"callJobId": 362574,
				"sceneInstanceId": 1540384412,
				"resultName": "客户意向等级",
				"resultValue": "C级(很少)",
				"artificialResultValue": "C级(很少)",
				"artificialChanged": null,
				"resultDesc": "命中业务问题 <= 0次 并且 肯定次数 <= 0次",
				"extra": "{\"hitUserLevelConfigExtraId\":327809,\"hitUserLevelConfigId\":6}",
				"analyzeType": "DYNAMIC_ANALYZE_USER_LEVEL",
				"gmtCreate": null,
				"gmtModified": null,
				"resultValueAlias": "C",
				"resultLabels": null,
				"resultValueNew": "C级(明确拒绝)"
			}, {
				"sceneInstanceResultId": 922147427,
				"companyId": 4880,
				"sceneInstanceId": 1223552173,
				"resultName": "客户标签",
				"resultValue": "[1]",
				"artificialResultValue": null,
				"artificialChanged": null,
				"resultDesc": null,
				"extra": null,
				"analyzeType": "DYNAMIC_ANALYZE_USER_LEVEL",
				"resultValueAlias": "",
				"resultLabels": [{
					"key": 200,
					"value": "无效用户"
				}],
				"resultValueNew": "",
				"gmtCreate": "2018-12-14 18:03:00",
				"gmtModified": "2018-12-14 18:03:00"
			}],
			"phoneLog": {
				"phoneLogs": [{
					"sceneInstanceLogId": 1156248612,
					"sceneInstanceId": 1540384412,
					"companyId": 151,
					"robotDefId": 180,
					"decisionId": 10638,
					"speaker": "AI",
					"content": "喂，您好，这里是用户测试电话",
					"userMean": "",
					"userMeanDetail": null,
					"aiUnknown": false,
					"answerStatus": null,
					"studyStatus": null,
					"startTime": 0,
					"endTime": 0,
					"gmtCreate": "2019-01-12 16:09:32",
					"gmtModified": "2019-01-12 16:09:32",
					"knowledgeBaseId": null,
					"correctionContent": null
				}, {
					"sceneInstanceLogId": 1156249713,
					"sceneInstanceId": 1540384412,
					"companyId": 151,
					"robotDefId": 180,
					"decisionId": 10638,
					"speaker": "ME",
					"content": "有什么游戏呀？",
					"userMean": "游戏",
					"userMeanDetail": "[{\"score\":-1,\"answer\":\"游戏\",\"ask\":\"什么游戏\",\"knowledgeBaseId\":5061}]",
					"aiUnknown": false,
					"answerStatus": 1,
					"studyStatus": null,
					"startTime": 8350,
					"endTime": 10570,
					"gmtCreate": "2019-01-12 16:09:44",
					"gmtModified": "2019-01-12 16:09:44",
					"knowledgeBaseId": null,
					"correctionContent": null
				}],
				"luyinOssUrl": "https://byrobot-prod.oss-cn-hangzhou.aliyuncs.com/RobotPhoneCommunicate/1540384412/20190112-161011_13733105333.wav"
			},
			"jobFinished": false,
			"sign": null,
			"dateTime": "Thu Oct 16 07:13:48 GMT 2014"
		}
	},
	"resultMsg": "成功",
	"errorStackTrace": null
}
`);

/** Seed 004, lines 283–320: the JOB_INFO_RESULT example, verbatim. */
const SEED_JOB_INFO_RESULT = JSON.parse(`
 {
 	"code": 200,
 	"data": {
 		"dataType": "JOB_INFO_RESULT",
 		"data": {
 			"callJobId": 535,
 			"companyId": 243,
 			"jobName": "测试-问题学习",
 			"jobType": 2,
 			"startDate": "2018-04-25",
 			"endDate": "2018-04-25",
 			"workingStartTime": "09:00:00",
 			"workingEndTime": "20:00:00",
 			"breakStartTime": null,
 			"breakEndTime": null,
 			"status": 2,
 			"callType": 1,
 			"robotDefId": 278,
 			"sceneDefId": 283,
 			"sceneRecordId": 280,
 			"remark": "",
 			"smsType": 0,
 			"smsCondition": null,
 			"smsTemplateId": null,
 			"userId": 241,
 			"userName": "步婉",
 			"ip": "172.16.67.104",
 			"hostName": "byrobot-daily",
 			"version": 1,
 			"secondaryStartTime": "09:00:00",
 			"jobIsDelete": false,
 			"gmtCreate": "2018-04-25 11:11:45",
 			"gmtModified": "2018-04-25 11:17:19"
 		}
 	},
 	"resultMsg": "执行成功",
 	"errorStackTrace": null
 }
`);

/** Shanghai wall-clock time as a UTC instant (China is UTC+8 all year). */
const shanghai = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h - 8, mi, s);

type Shape = string | { [key: string]: Shape };

/** Keys and value types, recursively; id fields (numbers at BaiYing, strings at Outdial) become 'id'. */
function shapeOf(value: unknown, idKeys: ReadonlySet<string> = new Set()): Shape {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value !== 'object') return typeof value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, idKeys.has(k) ? 'id' : shapeOf(v, idKeys)]),
  );
}

const render = (event: JobEvent | JobGroupEvent) => {
  const out = baiyingFormat(event);
  if (!out) throw new Error(`no message for ${event.type}`);
  return { ...out, json: JSON.parse(out.body) };
};

function task(o: Partial<TaskSnapshot> = {}): TaskSnapshot {
  return {
    id: 'task-1',
    attempt: 1,
    status: TaskStatus.Succeeded,
    plannedTime: shanghai(2019, 1, 12, 16, 9, 30),
    actualTime: shanghai(2019, 1, 12, 16, 9, 32),
    answeredAt: shanghai(2019, 1, 12, 16, 9, 36),
    endTime: shanghai(2019, 1, 12, 16, 10, 11),
    callingNumber: '057188880000',
    calledNumber: '+8613700000000',
    hangupCause: 'NORMAL_CLEARING',
    sipCode: 200,
    ringDuration: 4000,
    talkDuration: 35_000,
    ...o,
  };
}

/** The call of the seed's CALL_INSTANCE_RESULT example, as Outdial reports it. */
function callFinished(
  o: { task?: TaskSnapshot | null; jobStatus?: JobStatus; type?: JobEvent['type'] } = {},
): JobEvent {
  const t = o.task === undefined ? task() : o.task;
  return {
    id: 'event-1',
    type: o.type ?? 'CallFinished',
    occurredAt: shanghai(2019, 1, 12, 16, 10, 12),
    instanceId: 'instance-1',
    jobGroupId: 'group-1',
    jobId: 'job-1',
    taskId: t?.id ?? null,
    job: {
      id: 'job-1',
      instanceId: 'instance-1',
      jobGroupId: 'group-1',
      referenceId: 'crm-2989',
      status: o.jobStatus ?? JobStatus.Executing,
      failureReason: null,
      contacts: [
        { phoneNumber: '137xxxxxxxx', e164: '+8613700000000', name: '2989', honorific: '', referenceId: 'c-1' },
      ],
      extras: [
        { key: 'csStaffName', value: '123' },
        { key: 'amount', value: '20' },
      ],
      attempts: 1,
    },
    task: t,
    tasks: [],
  };
}

const strategy = (o: Partial<Strategy> = {}): Strategy => ({
  repeatBy: 'once',
  repeatDays: [],
  workingTime: [{ begin: 9 * 3600, end: 20 * 3600 }],
  holidays: [],
  maxAttemptsPerDay: 3,
  minAttemptInterval: 10,
  ...o,
});

/** The job of the seed's JOB_INFO_RESULT example, as Outdial reports its end. */
function groupComplete(o: Partial<JobGroupEvent['group']> = {}): JobGroupEvent {
  const group: JobGroupEvent['group'] = {
    id: 'group-535',
    instanceId: 'instance-243',
    name: '测试-问题学习',
    description: '',
    scriptId: 'script-278',
    scriptVersion: 1,
    status: 'Completed',
    priority: 'Daily',
    strategy: strategy(),
    recallStrategy: { emptyNumberIgnore: false, inArrearsIgnore: false, outOfServiceIgnore: false },
    lineGroupIds: ['lines-1'],
    ringingDuration: 25,
    concurrency: 0,
    timeZone: 'Asia/Shanghai',
    createdAt: shanghai(2018, 4, 25, 11, 11, 45),
    modifiedAt: shanghai(2018, 4, 25, 11, 17, 19),
    startedAt: shanghai(2018, 4, 25, 11, 12, 0),
    finishedAt: shanghai(2018, 4, 25, 11, 17, 19),
    ...o,
  };
  return {
    id: 'event-2',
    type: 'JobGroupComplete',
    occurredAt: shanghai(2018, 4, 25, 11, 17, 20),
    instanceId: group.instanceId,
    jobGroupId: group.id,
    jobId: null,
    taskId: null,
    group,
    progress: {
      jobGroupId: group.id,
      status: group.status,
      totalJobs: 1,
      jobsByStatus: { Scheduling: 0, Executing: 0, Succeeded: 1, Paused: 0, Failed: 0, Cancelled: 0 },
      failureReasons: {},
      tasksByStatus: { Succeeded: 1 },
      attempts: 1,
      answered: 1,
      answerRate: 1,
      talkSeconds: 35,
      firstCallAt: group.startedAt,
      lastCallEndAt: group.finishedAt,
      startedAt: group.startedAt,
      finishedAt: group.finishedAt,
    },
  };
}

const CALL_ID_KEYS = new Set([
  'callInstanceId',
  'companyId',
  'callUserId',
  'callJobId',
  'customerId',
  'robotDefId',
  'sceneDefId',
  'sceneRecordId',
]);
const JOB_ID_KEYS = new Set(['callJobId', 'companyId', 'userId', 'robotDefId', 'sceneDefId', 'sceneRecordId']);

describe('baiying CALL_INSTANCE_RESULT', () => {
  it('has exactly the keys and value types of the seed example, ids as Outdial strings', () => {
    const { json } = render(callFinished());
    expect(shapeOf(json, CALL_ID_KEYS)).toEqual(shapeOf(SEED_CALL_INSTANCE_RESULT, CALL_ID_KEYS));
    // The seed's dialogue and grading arrays hold robot output; ours are empty until a robot talks.
    expect(json.data.data.taskResult).toEqual([]);
    expect(json.data.data.phoneLog).toEqual({ phoneLogs: [], luyinOssUrl: '' });
  });

  it('carries the Outdial ids as strings, and no script ids a job event does not have', () => {
    const scene = render(callFinished()).json.data.data.sceneInstance;
    expect(scene).toMatchObject({
      callInstanceId: 'task-1',
      companyId: 'instance-1',
      callUserId: 'instance-1',
      callJobId: 'group-1',
      customerId: 'job-1',
      robotDefId: null,
      sceneDefId: null,
      sceneRecordId: null,
    });
  });

  it('tells the seed example call the way the seed does', () => {
    const out = render(callFinished());
    const seed = SEED_CALL_INSTANCE_RESULT.data.data.sceneInstance;
    const scene = out.json.data.data.sceneInstance;
    for (const k of [
      'customerTelephone',
      'customerName',
      'status',
      'finishStatus',
      'duration',
      'startTime',
      'endTime',
    ]) {
      expect(scene[k], k).toEqual(seed[k]);
    }
    expect(scene.chatRound).toBe(0);
    expect(scene.callerPhone).toBe('057188880000');
    expect(scene.callType).toBe(1);
    expect(scene.callIndex).toBe(0);
    expect(JSON.parse(scene.properties)).toEqual({ csStaffName: '123', amount: '20' });
    expect(out.json).toMatchObject({ code: 200, data: { dataType: 'CALL_INSTANCE_RESULT' }, resultMsg: '成功' });
    expect(out.json.data.data.jobFinished).toBe(false);
    expect(out.key).toBe('CALL_INSTANCE_RESULT');
    expect(out.contentType).toBe('application/json');
  });

  it('says the job is finished once the job status is final', () => {
    for (const status of [JobStatus.Succeeded, JobStatus.Failed, JobStatus.Cancelled]) {
      expect(render(callFinished({ jobStatus: status })).json.data.data.jobFinished).toBe(true);
    }
    expect(render(callFinished({ jobStatus: JobStatus.Scheduling })).json.data.data.jobFinished).toBe(false);
  });

  it('names the contact that was dialled when the job has several', () => {
    const event = callFinished({ task: task({ calledNumber: '+8613900000000', attempt: 3 }) });
    event.job.contacts.push({
      phoneNumber: '139 0000 0000',
      e164: '+8613900000000',
      name: '李四',
      honorific: '',
      referenceId: 'c-2',
    });
    const scene = render(event).json.data.data.sceneInstance;
    expect(scene).toMatchObject({ customerTelephone: '139 0000 0000', customerName: '李四', callIndex: 2 });
  });

  it('tells a mobile caller number, a fixed line and no caller number apart (callType)', () => {
    const callType = (callingNumber: string) =>
      render(callFinished({ task: task({ callingNumber }) })).json.data.data.sceneInstance.callType;
    expect(callType('+8613812345678')).toBe(0);
    expect(callType('13812345678')).toBe(0);
    expect(callType('02161234567')).toBe(1);
    expect(callType('')).toBe(2);
  });

  it('writes times as China wall-clock, across the UTC date line', () => {
    const t = task({
      plannedTime: Date.UTC(2026, 0, 5, 15, 59, 0),
      actualTime: Date.UTC(2026, 0, 5, 15, 59, 58),
      endTime: Date.UTC(2026, 0, 5, 16, 0, 5),
    });
    const scene = render(callFinished({ task: t })).json.data.data.sceneInstance;
    expect(scene.startTime).toBe('2026-01-05 23:59:58');
    expect(scene.endTime).toBe('2026-01-06 00:00:05');
    expect(scene.gmtCreate).toBe('2026-01-05 23:59:00');
  });

  it('stamps dateTime like Java Date.toString in GMT, as the seed example does', () => {
    expect(javaGmtDateString(Date.UTC(2014, 9, 16, 7, 13, 48))).toBe(SEED_CALL_INSTANCE_RESULT.data.data.dateTime);
  });
});

describe('baiying CALL_INSTANCE_RESULT of a call the robot graded', () => {
  const answeredAt = shanghai(2019, 1, 12, 16, 9, 36);
  const graded = (robot: TaskRobotResult | null = robotCall(answeredAt), o: Partial<TaskSnapshot> = {}) =>
    render(callFinished({ task: task({ robot, ...o }) })).json.data.data;
  const seed = SEED_CALL_INSTANCE_RESULT.data.data;
  const RULE_A =
    '(肯定次数 >= 2 次 并且 拒绝次数 = 0 次) 或者 (肯定次数 >= 1 次 并且 命中业务问题 >= 1 次 并且 拒绝次数 = 0 次)';

  it('keeps the seed example’s keys, in its order, in the callback, each result and each dialogue line', () => {
    const { json } = render(callFinished({ task: task({ robot: robotCall(answeredAt) }) }));
    expect(shapeOf(json, CALL_ID_KEYS)).toEqual(shapeOf(SEED_CALL_INSTANCE_RESULT, CALL_ID_KEYS));
    const data = json.data.data;
    expect(Object.keys(data.taskResult[0])).toEqual(Object.keys(seed.taskResult[0]));
    expect(Object.keys(data.taskResult[1])).toEqual(Object.keys(seed.taskResult[1]));
    const lineKeys = Object.keys(seed.phoneLog.phoneLogs[0]);
    for (const line of data.phoneLog.phoneLogs) expect(Object.keys(line)).toEqual(lineKeys);
  });

  it('counts the robot’s turns, names the level the classic way, and says the robot hung up', () => {
    expect(graded().sceneInstance).toMatchObject({ chatRound: 5, trackResult: 'A级(较强)', hangUp: 0 });
  });

  it('grades the call: the intent level with the rule that fired, and the tags', () => {
    const madeAt = '2019-01-12 16:10:11';
    expect(graded().taskResult).toEqual([
      {
        sceneInstanceResultId: 'task-1-level',
        companyId: 'instance-1',
        callJobId: 'group-1',
        sceneInstanceId: 'task-1',
        resultName: '客户意向等级',
        resultValue: 'A级(较强)',
        artificialResultValue: 'A级(较强)',
        artificialChanged: null,
        resultDesc: RULE_A,
        extra: null,
        analyzeType: 'DYNAMIC_ANALYZE_USER_LEVEL',
        gmtCreate: madeAt,
        gmtModified: madeAt,
        resultValueAlias: 'A',
        resultLabels: null,
        resultValueNew: 'A级(有明确意向)',
      },
      {
        sceneInstanceResultId: 'task-1-tags',
        companyId: 'instance-1',
        sceneInstanceId: 'task-1',
        resultName: '客户标签',
        resultValue: '[1225494794,2134842047]',
        artificialResultValue: null,
        artificialChanged: null,
        resultDesc: null,
        extra: null,
        analyzeType: 'DYNAMIC_ANALYZE_USER_LEVEL',
        resultValueAlias: '',
        resultLabels: [
          { key: 1225494794, value: 'askedAboutInterest' },
          { key: 2134842047, value: 'promisedToPay' },
        ],
        resultValueNew: '',
        gmtCreate: madeAt,
        gmtModified: madeAt,
      },
    ]);
  });

  it('logs the dialogue line by line: who spoke, on which node, what was understood, when', () => {
    const remind = '您在本月有一笔20元的账单今天到期，请问今天能还上吗？';
    const line = (
      seq: number,
      speaker: 'AI' | 'ME',
      decisionId: string,
      content: string,
      ms: number,
      time: string,
      heard: { userMean?: string; userMeanDetail?: string; answerStatus?: number; knowledgeBaseId?: string } = {},
    ) => ({
      sceneInstanceLogId: `task-1-${seq}`,
      sceneInstanceId: 'task-1',
      companyId: 'instance-1',
      robotDefId: null,
      decisionId,
      speaker,
      content,
      userMean: heard.userMean ?? '',
      userMeanDetail: heard.userMeanDetail ?? null,
      aiUnknown: false,
      answerStatus: heard.answerStatus ?? null,
      studyStatus: null,
      startTime: ms,
      endTime: ms,
      gmtCreate: `2019-01-12 ${time}`,
      gmtModified: `2019-01-12 ${time}`,
      knowledgeBaseId: heard.knowledgeBaseId ?? null,
      correctionContent: null,
    });
    expect(graded().phoneLog).toEqual({
      phoneLogs: [
        line(0, 'AI', 'greet', '喂，您好，请问是张先生吗？', 0, '16:09:36'),
        line(1, 'ME', 'greet', '是我，什么事？', 4200, '16:09:40', {
          userMean: 'confirm',
          userMeanDetail: '[{"score":-1,"answer":"confirm","ask":"是我","knowledgeBaseId":null}]',
          answerStatus: 0,
        }),
        line(2, 'AI', 'remind', remind, 4200, '16:09:40'),
        line(3, 'ME', 'remind', '利息怎么算的？', 11_800, '16:09:47', {
          userMean: 'interest',
          userMeanDetail: '[{"score":-1,"answer":"interest","ask":"利息 怎么算","knowledgeBaseId":"interest"}]',
          answerStatus: 1,
          knowledgeBaseId: 'interest',
        }),
        line(4, 'AI', 'remind', '逾期后每天按万分之五计息。', 11_800, '16:09:47'),
        line(5, 'AI', 'remind', remind, 11_800, '16:09:47'),
        line(6, 'ME', 'remind', '', 21_800, '16:09:57'),
        line(7, 'AI', 'remind', '您好，还在听吗？今天能还上吗？', 21_800, '16:09:57'),
        line(8, 'ME', 'remind', '嗯嗯听不太清，好的今天还', 27_500, '16:10:03', {
          userMean: 'agree',
          userMeanDetail: '[{"score":-1,"answer":"agree","ask":"好的","knowledgeBaseId":null}]',
          answerStatus: 0,
        }),
        line(9, 'AI', 'bye', '好的，感谢您的配合，再见。', 27_500, '16:10:03'),
      ],
      luyinOssUrl: '',
    });
  });

  it('marks what the robot could not answer (aiUnknown) and interruptions it ignored (answerStatus 2)', () => {
    const robot = robotCall(answeredAt);
    robot.transcript = [
      { seq: 0, speaker: 'robot', text: '请问今天能还上吗？', at: answeredAt, nodeId: 'remind' },
      { seq: 1, speaker: 'contact', text: '等一下', at: answeredAt + 900, nodeId: 'remind', kind: 'ignored' },
      { seq: 2, speaker: 'contact', text: '你们是哪个公司', at: answeredAt + 5000, nodeId: 'remind', kind: 'noMatch' },
    ];
    const [, ignored, unknown] = graded(robot).phoneLog.phoneLogs;
    expect(ignored).toMatchObject({ speaker: 'ME', answerStatus: 2, aiUnknown: false, userMean: '' });
    expect(unknown).toMatchObject({ speaker: 'ME', answerStatus: null, aiUnknown: true, userMean: '' });
  });

  it('says the customer hung up when they did; a transfer is the robot’s hang-up', () => {
    const hangUp = (endReason: string) => graded({ ...robotCall(answeredAt), endReason }).sceneInstance.hangUp;
    expect(hangUp('callerHungUp')).toBe(1);
    for (const end of ['completed', 'transferred', 'silence', 'noMatch', 'maxRounds']) expect(hangUp(end), end).toBe(0);
  });

  it('an unanswered call of a script group has its level and no dialogue; a call without a robot has neither', () => {
    const data = graded(unansweredRobotCall(), { status: TaskStatus.Busy, answeredAt: null, talkDuration: 0 });
    expect(data.sceneInstance).toMatchObject({ chatRound: 0, trackResult: 'D级(需筛选)', hangUp: 1 });
    expect(data.taskResult).toHaveLength(1);
    expect(data.taskResult[0]).toMatchObject({
      resultValueAlias: 'D',
      resultValue: 'D级(需筛选)',
      resultValueNew: 'D级(用户忙)',
      resultDesc: '通话状态 = 占线、未接、拒接、关机 或者 用户忙',
    });
    expect(data.phoneLog.phoneLogs).toEqual([]);
    const none = graded(null);
    expect(none.taskResult).toEqual([]);
    expect(none.sceneInstance).toMatchObject({ chatRound: 0, trackResult: '', hangUp: 1 });
  });

  it('a robot that could not talk gives no level', () => {
    const failed = {
      ...unansweredRobotCall(),
      level: null,
      label: '',
      rule: 'variable amount is missing',
      endReason: 'error',
    };
    const data = graded(failed);
    expect(data.taskResult).toEqual([]);
    expect(data.sceneInstance).toMatchObject({ trackResult: '', hangUp: 0 });
  });

  it('words the level as the seed does, whatever the script’s label looks like', () => {
    expect(levelWording('C', 'C(明确拒绝)')).toBe(seed.taskResult[0].resultValueNew);
    expect(levelWording('C', 'C (refused)')).toBe('C级(refused)');
    expect(levelWording('B', 'B级（一般）')).toBe('B级(一般)');
    expect(levelWording('A', 'Hot lead')).toBe('A级(Hot lead)');
    expect(levelWording('F', '')).toBe('F级');
  });

  it('gives a tag the same key in every call, and different tags different keys', () => {
    const keysOf = (tags: string[]) =>
      graded({ ...robotCall(answeredAt), tags }).taskResult[1].resultLabels.map((l: { key: number }) => l.key);
    expect(keysOf(['promisedToPay'])).toEqual(keysOf(['wrongNumber', 'promisedToPay']).slice(1));
    const many = Array.from({ length: 500 }, (_, i) => `tag${i}`);
    expect(new Set(many.map(tagKey)).size).toBe(many.length);
    for (const key of many.map(tagKey)) expect(Number.isInteger(key) && key >= 0 && key <= 2 ** 31 - 1).toBe(true);
  });
});

describe('baiying finishStatus', () => {
  // Seed 004: 0 已接通 1 拒接 2 无法接通 3 主叫号码不可用 4 空号 5 关机 6 占线 7 停机 8 未接 9 主叫欠费 10 呼损 11 黑名单.
  const expected: Record<keyof typeof TaskStatus, number> = {
    Executing: 10,
    Succeeded: 0,
    NoAnswer: 8,
    NotExist: 4,
    Busy: 6,
    Cancelled: 10,
    Failed: 10,
    NotConnected: 2,
    PoweredOff: 5,
    OutOfService: 7,
    InArrears: 7,
    EmptyNumber: 4,
    PerDayCallCountLimit: 10,
    ContactBlockList: 11,
    CallerNotRegistered: 3,
    Terminated: 10,
    VerificationCancelled: 10,
  };

  it.each(Object.entries(TaskStatus))('%s (%i) is finishStatus as documented', (name, code) => {
    const scene = render(callFinished({ task: task({ status: code }) })).json.data.data.sceneInstance;
    expect(scene.finishStatus).toBe(expected[name as keyof typeof TaskStatus]);
  });
});

describe('baiying JOB_INFO_RESULT', () => {
  it('has exactly the keys and value types of the seed example, ids as Outdial strings', () => {
    const { json } = render(groupComplete());
    expect(shapeOf(json, JOB_ID_KEYS)).toEqual(shapeOf(SEED_JOB_INFO_RESULT, JOB_ID_KEYS));
    expect(json.data.data).toMatchObject({
      callJobId: 'group-535',
      companyId: 'instance-243',
      userId: 'instance-243',
      robotDefId: 'script-278',
      sceneDefId: 'script-278',
      sceneRecordId: 'script-278',
    });
  });

  it('tells the seed example job the way the seed does', () => {
    const out = render(groupComplete());
    const seed = SEED_JOB_INFO_RESULT.data.data;
    const data = out.json.data.data;
    for (const k of [
      'jobName',
      'jobType',
      'startDate',
      'endDate',
      'workingStartTime',
      'workingEndTime',
      'breakStartTime',
      'breakEndTime',
      'status',
      'callType',
      'remark',
      'smsType',
      'secondaryStartTime',
      'jobIsDelete',
      'gmtCreate',
      'gmtModified',
    ]) {
      expect(data[k], k).toEqual(seed[k]);
    }
    expect(out.json).toMatchObject({ code: 200, data: { dataType: 'JOB_INFO_RESULT' }, resultMsg: '执行成功' });
    expect(out.key).toBe('JOB_INFO_RESULT');
    expect(out.contentType).toBe('application/json');
  });

  it('codes a completed job 2 (已完成) and a cancelled one 6 (已终止)', () => {
    expect(render(groupComplete({ status: 'Completed' })).json.data.data.status).toBe(2);
    expect(render(groupComplete({ status: 'Cancelled' })).json.data.data.status).toBe(6);
  });

  it('gives the gap between two calling windows as the break', () => {
    const two = strategy({
      workingTime: [
        { begin: 9 * 3600, end: 12 * 3600 },
        { begin: 13 * 3600 + 30 * 60, end: 86400 },
      ],
    });
    expect(render(groupComplete({ strategy: two })).json.data.data).toMatchObject({
      workingStartTime: '09:00:00',
      workingEndTime: '23:59:59',
      breakStartTime: '12:00:00',
      breakEndTime: '13:30:00',
    });
  });

  it('tells no break for three windows, and the whole day when there are none', () => {
    const three = strategy({
      workingTime: [
        { begin: 8 * 3600, end: 10 * 3600 },
        { begin: 11 * 3600, end: 12 * 3600 },
        { begin: 14 * 3600, end: 18 * 3600 },
      ],
    });
    expect(render(groupComplete({ strategy: three })).json.data.data).toMatchObject({
      workingStartTime: '08:00:00',
      workingEndTime: '18:00:00',
      breakStartTime: null,
      breakEndTime: null,
    });
    expect(render(groupComplete({ strategy: strategy({ workingTime: [] }) })).json.data.data).toMatchObject({
      workingStartTime: '00:00:00',
      workingEndTime: '23:59:59',
    });
  });

  it('dates a scheduled job by its strategy, in China', () => {
    const scheduled = strategy({
      startTime: Date.UTC(2026, 0, 4, 16, 0, 0),
      endTime: Date.UTC(2026, 0, 31, 15, 59, 59),
    });
    expect(render(groupComplete({ strategy: scheduled })).json.data.data).toMatchObject({
      jobType: 1,
      startDate: '2026-01-05',
      endDate: '2026-01-31',
    });
  });

  it('has no script ids when the group has no script', () => {
    const data = render(groupComplete({ scriptId: null })).json.data.data;
    expect([data.robotDefId, data.sceneDefId, data.sceneRecordId]).toEqual([null, null, null]);
  });
});

describe('baiying: events BaiYing has no callback for', () => {
  it.each(JOB_EVENT_TYPES.filter((t) => t !== 'CallFinished'))('%s renders nothing', (type) => {
    expect(baiyingFormat(callFinished({ type }))).toBeNull();
  });

  it('a CallFinished without its task renders nothing', () => {
    expect(baiyingFormat(callFinished({ task: null }))).toBeNull();
  });
});

describe('baiying: any well-typed event renders without throwing', () => {
  const time = fc.oneof(fc.integer({ min: -1e15, max: 1e15 }), fc.constant(Number.NaN));
  const taskArb = fc.record({
    id: fc.string(),
    attempt: fc.integer({ min: 0, max: 100 }),
    status: fc.constantFrom(...Object.values(TaskStatus)),
    plannedTime: time,
    actualTime: fc.option(time),
    answeredAt: fc.option(time),
    endTime: fc.option(time),
    callingNumber: fc.string(),
    calledNumber: fc.string(),
    hangupCause: fc.option(fc.string()),
    sipCode: fc.option(fc.integer()),
    ringDuration: fc.nat(),
    talkDuration: fc.nat(),
    robot: fc.option(
      fc.record({
        scriptVersion: fc.nat(),
        level: fc.option(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F')),
        label: fc.string(),
        rule: fc.string(),
        tags: fc.array(fc.string()),
        endReason: fc.option(fc.constantFrom('completed', 'transferred', 'callerHungUp', 'silence', 'error')),
        rounds: fc.nat(),
        transferTo: fc.option(fc.string()),
        transcript: fc.array(
          fc.record({
            seq: fc.nat(),
            speaker: fc.constantFrom<'robot' | 'contact'>('robot', 'contact'),
            text: fc.string(),
            at: time,
            nodeId: fc.string(),
            kind: fc.option(fc.constantFrom('branch', 'knowledge', 'noMatch', 'silence', 'ignored'), {
              nil: undefined,
            }),
            intent: fc.option(fc.string(), { nil: undefined }),
            words: fc.option(fc.array(fc.string()), { nil: undefined }),
          }),
          { maxLength: 6 },
        ),
      }),
    ),
  });

  it('job events', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...JOB_EVENT_TYPES),
        fc.option(taskArb),
        fc.constantFrom(...Object.values(JobStatus)),
        fc.array(fc.record({ key: fc.string(), value: fc.string() })),
        fc.boolean(),
        (type, t, jobStatus, extras, noContacts) => {
          const event = callFinished({ type, task: t, jobStatus });
          event.job.extras = extras;
          if (noContacts) event.job.contacts = [];
          const out = baiyingFormat(event);
          if (out === null) return;
          expect(out.key).toMatch(/^[A-Za-z0-9_-]+$/);
          expect(() => JSON.parse(out.body)).not.toThrow();
        },
      ),
    );
  });

  it('job group events', () => {
    const window = fc
      .tuple(fc.integer({ min: 0, max: 86400 }), fc.integer({ min: 0, max: 86400 }))
      .map(([a, b]) => ({ begin: Math.min(a, b), end: Math.max(a, b) }));
    fc.assert(
      fc.property(
        fc.constantFrom(...JOB_GROUP_STATUSES),
        fc.array(window, { maxLength: 4 }),
        fc.option(time, { nil: undefined }),
        fc.option(time),
        fc.option(fc.string()),
        (status, workingTime, startTime, startedAt, scriptId) => {
          const out = baiyingFormat(
            groupComplete({ status, strategy: strategy({ workingTime, startTime }), startedAt, scriptId }),
          );
          expect(out?.key).toBe('JOB_INFO_RESULT');
          expect(() => JSON.parse(out?.body ?? '')).not.toThrow();
        },
      ),
    );
  });
});
