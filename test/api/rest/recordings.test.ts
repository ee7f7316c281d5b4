import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../../../src/core/clock.js';
import { runVirtualCampaign } from '../../../src/engine/runVirtualCampaign.js';
import { SERVER_T0, startTestServer, type TestServer } from '../../support/testServer.js';
import { TEST_DIALECTS } from '../../support/testStore.js';
import { expectRpcError, rpcFor } from '../alibaba/actions/rpcTestClient.js';

interface TaskView {
  id: string;
  status: string;
  talkDuration: number;
  recording: { fileName: string; url: string; durationMs: number; size: number } | null;
}

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: recordings are downloaded over REST and named by DownloadRecording`, () => {
    let s: TestServer;
    const answered: TaskView[] = [];
    const unanswered: TaskView[] = [];
    beforeAll(async () => {
      s = await startTestServer(dialect, { recordings: true });
      const group = await s.call('POST', '/v1/job-groups', { body: { name: 'rec', lineGroupIds: [s.lineGroupId] } });
      const jobs = Array.from({ length: 24 }, (_, i) => ({
        referenceId: `r${i}`,
        contacts: [{ phoneNumber: `1385555${String(i).padStart(4, '0')}` }],
      }));
      const assigned = await s.call('POST', `/v1/job-groups/${group.body.id}/jobs`, { body: { jobs } });
      expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
      await runVirtualCampaign({ engine: s.engine, clock: s.clock, isDone: () => false, until: SERVER_T0 + DAY });
      for (const jobId of assigned.body.jobIds as string[]) {
        const tasks = (await s.call('GET', `/v1/jobs/${jobId}`)).body.tasks as TaskView[];
        for (const task of tasks) (task.status === 'Succeeded' ? answered : unanswered).push(task);
      }
    }, 120_000);
    afterAll(() => s.close());

    it("an answered call's task links its recording, and the link downloads the WAV with the API key", async () => {
      expect(answered.length).toBeGreaterThan(2);
      for (const task of answered) {
        expect(task.recording).toMatchObject({
          fileName: `${task.id}.wav`,
          url: `${s.url}/v1/recordings/${task.id}`,
          durationMs: task.talkDuration,
        });
      }
      const task = answered[0] as TaskView;
      const res = await fetch(task.recording?.url ?? '', { headers: { authorization: `Bearer ${s.apiKey}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('audio/wav');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${task.id}.wav"`);
      const wav = Buffer.from(await res.arrayBuffer());
      expect(wav.length).toBe(task.recording?.size);
      expect(Number(res.headers.get('content-length'))).toBe(wav.length);
      expect(wav.subarray(0, 4).toString()).toBe('RIFF');
      expect(wav.subarray(8, 12).toString()).toBe('WAVE');
    });

    it('refuses with a reason: no key, an operator key, a call without a recording, an unknown task', async () => {
      const id = (answered[0] as TaskView).id;
      const noKey = await s.call('GET', `/v1/recordings/${id}`, { token: null });
      expect(noKey.status).toBe(401);
      expect(noKey.body.error.code).toBe('UNAUTHENTICATED');
      const operator = await s.call('GET', `/v1/recordings/${id}`, { token: s.operatorApiKey });
      expect(operator.status).toBe(403);

      expect(unanswered.length).toBeGreaterThan(0);
      for (const task of unanswered) expect(task.recording).toBeNull();
      const none = await s.call('GET', `/v1/recordings/${(unanswered[0] as TaskView).id}`);
      expect(none.status).toBe(404);
      expect(none.body.error).toMatchObject({ code: 'RECORDING_NOT_FOUND', field: 'taskId' });
      const unknown = await s.call('GET', '/v1/recordings/no-such-task');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error).toMatchObject({ code: 'TASK_NOT_FOUND', field: 'taskId' });
    });

    it('DownloadRecording names the file and its link; GetSummaryInfo counts the space recordings take', async () => {
      const rpc = rpcFor(s);
      const task = answered[0] as TaskView;
      const got = await rpc.get('DownloadRecording', { InstanceId: s.instanceId, TaskId: task.id });
      expect(got).toMatchObject({ Code: 'OK', Success: true, DownloadParams: { FileName: `${task.id}.wav` } });
      // The link is pre-signed for an hour, as the vendor's OSS link: it downloads without an API key.
      const link = new URL(got.DownloadParams.SignatureUrl);
      expect(`${link.origin}${link.pathname}`).toBe(`${s.url}/v1/recordings/${task.id}`);
      expect(Number(link.searchParams.get('Expires'))).toBe(Math.floor(s.clock.now() / 1000) + 3600);
      const signed = await fetch(link);
      expect(signed.status).toBe(200);
      expect(Buffer.from(await signed.arrayBuffer()).length).toBe(task.recording?.size);
      const forged = new URL(link);
      forged.searchParams.set('Expires', String(Number(link.searchParams.get('Expires')) + 3600));
      const refused = await fetch(forged);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: unknown }).error).toMatchObject({
        code: 'FORBIDDEN',
        field: 'Signature',
      });
      // Signed for this task only.
      const other = (answered[1] as TaskView).id;
      expect((await fetch(link.toString().replace(task.id, other))).status).toBe(403);
      expect(got.DownloadParams.VoiceSliceRecordingListJson).toBeUndefined();
      const sliced = await rpc.get('DownloadRecording', {
        InstanceId: s.instanceId,
        TaskId: task.id,
        NeedVoiceSliceRecording: true,
      });
      expect(sliced.DownloadParams.VoiceSliceRecordingListJson).toBe('[]');
      await expectRpcError(
        rpc.get('DownloadRecording', { InstanceId: s.instanceId, TaskId: 'no-such-task' }),
        'NotExist.Task',
        404,
      );
      await expectRpcError(
        rpc.get('DownloadRecording', { InstanceId: s.instanceId, TaskId: (unanswered[0] as TaskView).id }),
        'NotExist.Recording',
        404,
      );
      await expectRpcError(rpc.get('DownloadRecording', { InstanceId: s.instanceId }), 'MissingTaskId', 400);

      // An hour later the link has expired.
      s.clock.set(s.clock.now() + 3601 * 1000);
      expect((await fetch(link)).status).toBe(403);

      const summary = await rpc.get('GetSummaryInfo', {});
      const bytes = answered.reduce((sum, t) => sum + (t.recording?.size ?? 0), 0);
      expect(summary.AgentBotInstanceSummaryList[0].UsedRecordingStorageSpace).toBe(
        Math.round((bytes / 2 ** 20) * 100) / 100,
      );
      expect(bytes).toBeGreaterThan(0);
    });
  });
}
