import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../../../../src/core/clock.js';
import { runVirtualCampaign } from '../../../../src/engine/runVirtualCampaign.js';
import { getScriptOf } from '../../../../src/service/catalog/index.js';
import { SERVER_T0, startTestServer, type TestServer } from '../../../support/testServer.js';
import { TEST_DIALECTS } from '../../../support/testStore.js';
import { jobJson, phoneOf, type Rpc, rpcFor } from './rpcTestClient.js';

const JOBS = 50;
const BATCH = 25;
const HOUR = 3_600_000;
const SHANGHAI = 8 * HOUR;

/** The vendor quick start's strategy: a time range and two daily windows. */
const strategy = {
  maxAttemptsPerDay: 2,
  minAttemptInterval: 10,
  name: 'renewals',
  startTime: SERVER_T0,
  endTime: SERVER_T0 + 2 * DAY,
  workingTime: [
    { beginTime: '09:00:00', endTime: '12:00:00' },
    { beginTime: '14:00:00', endTime: '18:00:00' },
  ],
};

/** A Task's EndReason when the robot talked: how its part of the call ended. */
const ROBOT_END_REASONS = [
  'FINISHED',
  'TRANSFERRED',
  'CLIENT_HANGUP',
  'SILENCE_TIMEOUT',
  'NO_MATCH',
  'MAX_ROUNDS',
  'ERROR',
];

const inWindow = (t: number) => {
  const minutes = Math.floor(((t + SHANGHAI) % DAY) / 60_000);
  return (minutes >= 9 * 60 && minutes < 12 * 60) || (minutes >= 14 * 60 && minutes < 18 * 60);
};

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: the vendor quick start through @alicloud/pop-core`, () => {
    let s: TestServer;
    let rpc: Rpc;
    let groupId: string;
    const jobIds: string[] = [];
    beforeAll(async () => {
      s = await startTestServer(dialect);
      rpc = rpcFor(s);
    });
    afterAll(() => s.close());

    it('CreateJobGroup with StrategyJson and CallingNumber.N answers the JobGroup', async () => {
      const body = await rpc.post('CreateJobGroup', {
        InstanceId: s.instanceId,
        JobGroupName: '续费提醒 2026',
        JobGroupDescription: 'quick start',
        ScriptId: s.scriptId,
        ScenarioId: '',
        StrategyJson: JSON.stringify(strategy),
        RecallStrategyJson: JSON.stringify({
          emptyNumberIgnore: true,
          inArrearsIgnore: false,
          outOfServiceIgnore: true,
        }),
        CallingNumber: ['02161000002'],
        RingingDuration: 30,
        Priority: 'Urgent',
        MinConcurrency: 5,
        FlashSmsExtras: '',
      });
      expect(body).toMatchObject({ Success: true, Code: 'OK', Message: 'Success', HttpStatusCode: 200 });
      expect(body.RequestId).toMatch(/^[0-9A-F-]{36}$/);
      const g = body.JobGroup;
      groupId = g.JobGroupId;
      expect(g).toMatchObject({
        JobGroupName: '续费提醒 2026',
        JobGroupDescription: 'quick start',
        Status: 'Draft',
        ScriptId: s.scriptId,
        RingingDuration: 30,
        Priority: 'Urgent',
        MinConcurrency: 5,
        CreationTime: SERVER_T0,
        ModifyTime: String(SERVER_T0),
        RecallStrategy: { EmptyNumberIgnore: true, InArrearsIgnore: false, OutOfServiceIgnore: true },
      });
      // The number selects its line group; the group dials on every number of it.
      expect(g.CallingNumbers).toEqual(['02161000001', '02161000002', '02161000003', '02161000004']);
      expect(g.Strategy).toMatchObject({
        StartTime: strategy.startTime,
        EndTime: strategy.endTime,
        MaxAttemptsPerDay: 2,
        MinAttemptInterval: 10,
        WorkingTime: [
          { BeginTime: '09:00:00', EndTime: '12:00:00' },
          { BeginTime: '14:00:00', EndTime: '18:00:00' },
        ],
      });
      expect(g.Progress).toBeUndefined();
    });

    it('AssignJobs in batches of 25 JobsJson.N, over GET and POST', async () => {
      const jobs = Array.from({ length: JOBS }, (_, i) => jobJson(i));
      for (let i = 0; i < JOBS; i += BATCH) {
        const call = (i / BATCH) % 2 === 0 ? rpc.get : rpc.post;
        const body = await call('AssignJobs', {
          InstanceId: s.instanceId,
          JobGroupId: groupId,
          JobsJson: jobs.slice(i, i + BATCH),
          StrategyJson: '',
          RosterType: '',
          IsAsynchrony: false,
        });
        expect(body.JobGroupId).toBe(groupId);
        expect(body.JobsId).toHaveLength(Math.min(BATCH, JOBS - i));
        jobIds.push(...body.JobsId);
      }
      expect(new Set(jobIds).size).toBe(JOBS);
      const before = (await rpc.get('DescribeJobGroup', { InstanceId: s.instanceId, JobGroupId: groupId })).JobGroup;
      expect(before.Status).toBe('Scheduling');
      expect(before.Progress).toMatchObject({ TotalJobs: JOBS, Scheduling: JOBS, TotalCompleted: 0 });
    });

    it('runs on the virtual clock; DescribeJobGroup, ListJobGroups and DescribeGroupExecutingInfo report it', async () => {
      await runVirtualCampaign({
        engine: s.engine,
        clock: s.clock,
        until: SERVER_T0 + 2 * DAY + HOUR,
        isDone: () => false,
      });

      const g = (await rpc.get('DescribeJobGroup', { InstanceId: s.instanceId, JobGroupId: groupId })).JobGroup;
      expect(g.Status).toBe('Completed');
      expect(g.ScriptName).toBe((await getScriptOf(s.deps, s.instanceId, s.scriptId)).name);
      expect(g.ScriptVersion).toBe('1');
      const p = g.Progress;
      expect(Object.keys(p).sort()).toEqual(
        [
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
        ].sort(),
      );
      expect(p.TotalJobs).toBe(JOBS);
      expect(p.TotalCompleted).toBe(JOBS);
      expect(p.Scheduling + p.Executing + p.Paused).toBe(0);
      expect(p.Failed).toBeGreaterThan(0);
      expect(p.Failed).toBeLessThan(JOBS);
      expect(p.Status).toBe('Completed');

      const listed = await rpc.post('ListJobGroups', { InstanceId: s.instanceId, PageNumber: 1, PageSize: 10 });
      expect(listed.JobGroups).toMatchObject({ PageNumber: 1, PageSize: 10, TotalCount: 1 });
      const item = listed.JobGroups.List[0];
      expect(item.JobGroupId).toBe(groupId);
      expect(item.Progress).toMatchObject({ TotalJobs: JOBS, ExecutingNum: 0, PausedNum: 0, FailedNum: p.Failed });
      expect(item.Progress.Executing).toBeUndefined();
      expect(item.Strategy).toEqual({ StartTime: strategy.startTime, EndTime: strategy.endTime });

      const info = await rpc.get('DescribeGroupExecutingInfo', { InstanceId: s.instanceId, JobGroupId: groupId });
      expect(info.InstanceId).toBe(s.instanceId);
      expect(info.GroupId).toBe(groupId);
      expect(info.ExecutingInfo.JobsProgress).toMatchObject({
        TotalJobs: JOBS,
        TotalCompletedNum: JOBS,
        FailedNum: p.Failed,
        ExecutingNum: 0,
      });
      expect(item.TotalCallNum).toBe(info.ExecutingInfo.CallNum);
      expect(info.ExecutingInfo.CallNum).toBeGreaterThan(JOBS);
      expect(info.ExecutingInfo.FinishedNum).toBe(JOBS - p.Failed);

      const summary = await rpc.get('GetSummaryInfo', { InstanceIdList: [s.instanceId] });
      expect(summary.AgentBotInstanceSummaryList).toEqual([
        expect.objectContaining({ InstanceId: s.instanceId, TotalCallCount: info.ExecutingInfo.CallNum }),
      ]);
    });

    it('ListJobsByGroup pages through the failed jobs; DescribeJob shows each attempt with PlanedTime', async () => {
      const failed = (await rpc.get('DescribeJobGroup', { InstanceId: s.instanceId, JobGroupId: groupId })).JobGroup
        .Progress.Failed as number;
      const seen: string[] = [];
      for (let page = 1; seen.length < failed; page++) {
        const body = await rpc.get('ListJobsByGroup', {
          InstanceId: s.instanceId,
          JobGroupId: groupId,
          JobStatus: 'Failed',
          PageNumber: page,
          PageSize: 7,
        });
        expect(body.Jobs).toMatchObject({ PageNumber: page, PageSize: 7, TotalCount: failed });
        expect(body.Jobs.List.length).toBeGreaterThan(0);
        for (const job of body.Jobs.List) {
          expect(job.Status).toBe('Failed');
          expect(job.Tasks).toBeUndefined();
          seen.push(job.JobId);
        }
      }
      expect(new Set(seen).size).toBe(failed);

      const { Job } = await rpc.post('DescribeJob', { InstanceId: s.instanceId, JobId: seen[0] });
      expect(Job).toMatchObject({ JobId: seen[0], JobGroupId: groupId, InstanceId: s.instanceId, Status: 'Failed' });
      expect(Job.FailureReason).not.toBe('');
      expect(Job.Extras).toEqual([
        { Key: 'amount', Value: expect.any(String) },
        { Key: 'dueDate', Value: '2026-01-31' },
      ]);
      expect(Job.Contacts[0]).toMatchObject({ ContactName: expect.stringMatching(/^张三 /), Honorific: '张先生' });
      expect(Job.Tasks.length).toBeGreaterThan(1);
      for (const task of Job.Tasks) {
        expect(task.JobId).toBe(seen[0]);
        expect(task.PlanedTime).toBeTypeOf('number');
        expect(task.PlanedTime).toBeGreaterThanOrEqual(SERVER_T0);
        expect(task.Status).not.toBe('Executing');
        expect(inWindow(task.ActualTime)).toBe(true);
        expect(task.CallingNumber).toMatch(/^0216100000[1-4]$/);
        expect(task.CalledNumber).toBe(`+86${Job.CalledNumber}`);
      }
    });

    it('ListJobs returns the asked jobs with their tasks, leaving unknown ids out', async () => {
      const asked = [jobIds[3], 'no-such-job', jobIds[1]];
      const { Jobs } = await rpc.get('ListJobs', { InstanceId: s.instanceId, JobId: asked });
      expect(Jobs.map((j: { JobId: string }) => j.JobId)).toEqual([jobIds[3], jobIds[1]]);
      for (const job of Jobs) expect(job.Tasks.length).toBeGreaterThan(0);
    });

    it('QueryJobs filters by phone number and by assignment time (0 = start of today / now)', async () => {
      const byPhone = await rpc.get('QueryJobs', {
        InstanceId: s.instanceId,
        PhoneNumber: `+86 ${phoneOf(7)}`,
        PageNumber: 1,
        PageSize: 10,
      });
      expect(byPhone.Jobs.TotalCount).toBe(1);
      const found = byPhone.Jobs.List[0];
      expect(found).toMatchObject({ JobId: jobIds[7], ReferenceId: 'ref-7' });
      // The group runs a script: the job's latest call is graded, and TagHits say what its Summary says.
      expect(found.TagHits[0]).toEqual({ TagGroup: 'IntentLevel', TagName: expect.stringMatching(/^[A-F]$/) });
      expect(found.TagHits).toEqual(
        found.Summary.map((x: { SummaryName: string; Content: string }) => ({
          TagGroup: x.SummaryName,
          TagName: x.Content,
        })),
      );

      const today = await rpc.get('QueryJobs', {
        InstanceId: s.instanceId,
        JobGroupId: groupId,
        StartTime: 0,
        EndTime: 0,
        PageNumber: 1,
        PageSize: 10,
      });
      expect(today.Jobs.TotalCount).toBe(0);
      const sinceStart = await rpc.get('QueryJobs', {
        InstanceId: s.instanceId,
        StartTime: SERVER_T0,
        EndTime: 0,
        PageNumber: 3,
        PageSize: 20,
      });
      expect(sinceStart.Jobs).toMatchObject({ PageNumber: 3, PageSize: 20, TotalCount: JOBS });
      expect(sinceStart.Jobs.List).toHaveLength(JOBS - 40);
    });

    it('QueryJobsWithResult gives each job its latest call, filtered by status, failure reason and phone', async () => {
      const ok = await rpc.post('QueryJobsWithResult', {
        InstanceId: s.instanceId,
        JobGroupId: groupId,
        JobStatusFilter: 'Succeeded',
        PageNumber: 1,
        PageSize: 100,
      });
      const succeeded = ok.Jobs.RowCount as number;
      expect(succeeded).toBeGreaterThan(0);
      expect(ok.Jobs).toMatchObject({ PageNumber: 1, PageSize: 100, PageCount: 1 });
      expect(ok.VariableNames).toEqual(['amount', 'dueDate']);
      expect(ok.Labels).toEqual([]);
      for (const job of ok.Jobs.List) {
        expect(job).toMatchObject({ Status: 'Succeeded', StatusName: '结束-已触达', JobFailureReason: '' });
        expect(job.LatestTask).toMatchObject({ HasAnswered: true, Status: 'Succeeded' });
        // How the robot's part ended, who hung up, and its grade.
        expect(ROBOT_END_REASONS).toContain(job.LatestTask.TaskEndReason);
        expect(job.LatestTask.HangUpDirection).toBe(
          job.LatestTask.TaskEndReason === 'CLIENT_HANGUP' ? '被叫用户' : '机器人',
        );
        expect(job.LatestTask.TagHits[0]).toMatchObject({ TagGroup: 'IntentLevel' });
        expect(job.LatestTask.CallTime).toBeGreaterThan(SERVER_T0);
      }

      const failed = await rpc.get('QueryJobsWithResult', {
        InstanceId: s.instanceId,
        JobGroupId: groupId,
        JobStatusFilter: 'Failed',
        PageSize: 100,
      });
      expect(failed.Jobs.RowCount).toBe(JOBS - succeeded);
      const reasons: string[] = failed.Jobs.List.map((j: { JobFailureReason: string }) => j.JobFailureReason);
      expect(reasons.every((r) => r !== '')).toBe(true);
      // The recall strategy ends empty and out-of-service numbers at once.
      const recallEnded = reasons.filter((r) => r === 'EmptyNumber' || r === 'OutOfService').length;
      expect(recallEnded).toBeGreaterThan(0);
      for (const filter of ['["EmptyNumber","OutOfService"]', 'EmptyNumber, OutOfService']) {
        const byReason = await rpc.get('QueryJobsWithResult', {
          InstanceId: s.instanceId,
          JobGroupId: groupId,
          JobFailureReasonsFilter: filter,
          PageSize: 100,
        });
        expect(byReason.Jobs.RowCount).toBe(recallEnded);
      }

      const one = await rpc.get('QueryJobsWithResult', {
        InstanceId: s.instanceId,
        JobGroupId: groupId,
        QueryText: phoneOf(11),
        HasAnsweredFilter: true,
      });
      expect(one.Jobs).toMatchObject({ PageNumber: 1, PageSize: 10, RowCount: 1, PageCount: 1 });
      expect(one.Jobs.List[0].LatestTask.Contact).toMatchObject({
        JobUuid: jobIds[11],
        PhoneNumber: phoneOf(11),
        ReferenceId: 'ref-11',
        Name: '张三 11',
      });
    });

    it('DescribeJob shows the robot’s dialogue of an answered call, and the job’s grade as its Summary', async () => {
      const ok = await rpc.get('ListJobsByGroup', {
        InstanceId: s.instanceId,
        JobGroupId: groupId,
        JobStatus: 'Succeeded',
        PageNumber: 1,
        PageSize: 1,
      });
      const listed = ok.Jobs.List[0];
      const { Job } = await rpc.post('DescribeJob', { InstanceId: s.instanceId, JobId: listed.JobId });
      expect(Job.Summary).toEqual(listed.Summary);
      expect(Job.Summary[0]).toEqual({
        SummaryName: 'IntentLevel',
        Content: expect.stringMatching(/^[A-F]$/),
        Category: '',
      });
      const answered = Job.Tasks.at(-1);
      expect(answered.Status).toBe('Succeeded');
      const lines = answered.Conversation;
      expect(lines.length).toBeGreaterThan(1);
      expect(lines[0]).toMatchObject({ Speaker: 'Robot', Action: 'Broadcast', SequenceId: '0', ActionParams: '{}' });
      expect(lines[0].Script).not.toBe('');
      expect(lines.map((l: { SequenceId: string }) => l.SequenceId)).toEqual(
        lines.map((_: unknown, i: number) => String(i)),
      );
      // The dialogue happens while the call is up, in order.
      const times = lines.map((l: { Timestamp: number }) => l.Timestamp);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times[0]).toBeGreaterThanOrEqual(answered.ActualTime);
      expect(times.at(-1)).toBeLessThanOrEqual(answered.EndTime);
      for (const line of lines.filter((l: { Speaker: string }) => l.Speaker === 'Contact')) {
        expect(line.Action).toBe('');
        expect(JSON.parse(line.ActionParams).kind).toMatch(
          /^(branch|global|knowledge|noMatch|silence|ignored|hangup)$/,
        );
      }
      expect(answered.HangUpDirection).toBe(answered.EndReason === 'CLIENT_HANGUP' ? 'client' : 'ivr');
      // Earlier attempts nobody answered have no dialogue.
      for (const task of Job.Tasks.slice(0, -1)) expect(task.Conversation).toEqual([]);
    });
  });
}
