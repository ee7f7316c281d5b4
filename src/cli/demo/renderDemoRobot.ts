import type { TranscriptLine } from '../../core/events.js';
import { LevelSchema } from '../../robot/script/model.js';
import { formatElapsed } from '../chat/formatElapsed.js';
import { renderTable } from '../render/table.js';
import type { DemoRobotSummary } from './demoRobotSummary.js';

/** The robot's part of the summary, with the script's name and level labels. */
export interface DemoRobotView extends DemoRobotSummary {
  scriptName: string;
  labels: Readonly<Record<string, string>>;
}

const pct = (n: number, of: number) => (of > 0 ? `${((100 * n) / of).toFixed(1)}%` : '–');

const TOP_TAGS = 5;
const SAMPLE_LINES = 10;
const SAMPLE_WIDTH = 110;

function sampleLines(lines: readonly TranscriptLine[]): string[] {
  const startedAt = lines[0]?.at ?? 0;
  const cut = (text: string) => (text.length > SAMPLE_WIDTH ? `${text.slice(0, SAMPLE_WIDTH - 1)}…` : text);
  const shown = lines.slice(0, SAMPLE_LINES).map((l) => {
    const said = l.speaker === 'robot' ? l.text : l.text || '(silence)';
    const how = l.intent === undefined ? '' : `  [${l.intent}]`;
    return `  ${formatElapsed(l.at - startedAt)}  ${l.speaker === 'robot' ? 'robot  ' : 'contact'}  ${cut(said)}${how}`;
  });
  if (lines.length > SAMPLE_LINES) shown.push(`  … ${lines.length - SAMPLE_LINES} more lines`);
  return shown;
}

/** The level distribution, the top tags and a short A-level conversation, as blocks of lines. */
export function renderDemoRobot(r: DemoRobotView, jobs: number): string[] {
  const levelRows = LevelSchema.options.map((level) => {
    const n = r.levels.get(level) ?? 0;
    return [r.labels[level] ?? level, n, pct(n, jobs)];
  });
  const graded = [...r.levels.values()].reduce((a, b) => a + b, 0);
  if (graded < jobs)
    levelRows.push(['no level (not called, or the robot could not talk)', jobs - graded, pct(jobs - graded, jobs)]);
  return [
    renderTable(`Contacts by level (of their last call; script '${r.scriptName}')`, [
      ['level', 'contacts', 'share'],
      ...levelRows,
    ]),
    '',
    renderTable(`Top tags (contacts whose last call has the tag; share of the ${r.conversations} conversations)`, [
      ['tag', 'contacts', 'share'],
      ...r.tags.slice(0, TOP_TAGS).map(([tag, n]) => [tag, n, pct(n, r.conversations)]),
    ]),
    '',
    ...(r.sampleA === null
      ? ['No call reached level A.']
      : [`A sample A-level conversation (mm:ss from the answer)`, ...sampleLines(r.sampleA)]),
  ];
}
