import { DateTime } from 'luxon';
import {
  FailureReason,
  type FailureReason as FailureReasonCode,
  failureReasonName,
  JobStatus,
  type JobStatus as JobStatusCode,
  jobStatusName,
  TaskStatus,
  type TaskStatus as TaskStatusCode,
  taskStatusName,
} from '../../core/enums.js';
import type { CampaignSummary } from '../../store/reports/campaignSummary.js';
import { renderTable } from '../render/table.js';
import { type DemoRobotView, renderDemoRobot } from './renderDemoRobot.js';

export const formatLocal = (t: number, zone: string): string =>
  DateTime.fromMillis(t, { zone }).toFormat('ccc yyyy-LL-dd HH:mm');

const pct = (n: number, of: number) => (of > 0 ? `${((100 * n) / of).toFixed(1)}%` : '–');

function duration(ms: number): string {
  const d = Math.floor(ms / 86_400_000);
  const h = Math.floor((ms % 86_400_000) / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  return [d ? `${d} d` : '', h ? `${h} h` : '', `${m} min`].filter(Boolean).join(' ');
}

function enumRows<C extends number>(
  all: Record<string, C>,
  counts: Map<number, number>,
  name: (c: C) => string,
  total: number,
  keepZero: boolean,
): (string | number)[][] {
  return Object.values(all)
    .filter((code) => keepZero || (counts.get(code) ?? 0) > 0)
    .map((code) => [`${name(code)} (${code})`, counts.get(code) ?? 0, pct(counts.get(code) ?? 0, total)]);
}

export function renderDemoSummary(o: {
  summary: CampaignSummary;
  /** What the robot made of the answered calls; absent when the group ran no script. */
  robot?: DemoRobotView;
  jobs: number;
  zone: string;
  simulatedFrom: number;
  simulatedTo: number;
  wallMs: number;
  location: string;
  completed: boolean;
}): string {
  const s = o.summary;
  const reached = s.jobsByStatus.get(JobStatus.Succeeded) ?? 0;
  const failed = [...s.failureReasons.values()].reduce((a, b) => a + b, 0);
  const attempts = [...s.attemptsPerJob.entries()].sort((a, b) => a[0] - b[0]);
  const meanAttempts = attempts.reduce((n, [k, c]) => n + k * c, 0) / Math.max(1, o.jobs);
  const parts = [
    '',
    renderTable('Jobs by JobStatus', [
      ['JobStatus', 'jobs', 'share'],
      ...enumRows(JobStatus, s.jobsByStatus, (c) => jobStatusName(c as JobStatusCode), o.jobs, true),
    ]),
    '',
    renderTable('Tasks (call attempts) by TaskStatus', [
      ['TaskStatus', 'tasks', 'share'],
      ...enumRows(TaskStatus, s.tasksByStatus, (c) => taskStatusName(c as TaskStatusCode), s.tasks, false),
    ]),
    '',
    renderTable('FailureReason of failed jobs', [
      ['FailureReason', 'jobs', 'share'],
      ...enumRows(FailureReason, s.failureReasons, (c) => failureReasonName(c as FailureReasonCode), failed, false),
    ]),
    '',
    renderTable('Attempts per job', [
      ['attempts', 'jobs', 'share'],
      ...attempts.map(([k, c]) => [k, c, pct(c, o.jobs)]),
    ]),
    '',
    ...(o.robot ? [...renderDemoRobot(o.robot, o.jobs), ''] : []),
    renderTable('Campaign', [
      ['measure', 'value'],
      ['answer rate (answered calls / calls)', `${pct(s.answered, s.tasks)}  (${s.answered} of ${s.tasks})`],
      ['contacts reached', `${pct(reached, o.jobs)}  (${reached} of ${o.jobs})`],
      ['mean attempts per job', meanAttempts.toFixed(2)],
      ...(o.robot
        ? [
            [
              'mean rounds per conversation (robot turns)',
              `${o.robot.meanRounds.toFixed(1)}  (${o.robot.conversations} conversations)`,
            ],
          ]
        : []),
      ['calls moved to the backup trunk', String(s.lineFailovers)],
      ['talk time', duration(s.talkSeconds * 1000)],
      [
        'simulated campaign',
        s.firstCallAt !== null && s.lastCallEndAt !== null
          ? `${duration(s.lastCallEndAt - s.firstCallAt)}  (${formatLocal(s.firstCallAt, o.zone)} → ${formatLocal(s.lastCallEndAt, o.zone)}, ${o.zone})`
          : 'no call was placed',
      ],
      ['job group', o.completed ? 'Completed' : 'not completed when the simulation stopped'],
      ['wall time', `${(o.wallMs / 1000).toFixed(1)} s`],
      ['store', o.location],
    ]),
  ];
  return parts.join('\n');
}
