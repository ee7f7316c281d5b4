import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/** One dialect's figure beside the baseline measured in the same run. */
export interface BenchRow {
  dialect: string;
  measured: number;
  baseline: number;
  /** measured / baseline */
  ratio: number;
  /** Whether the target was met; null where the target does not apply to this row. */
  met: boolean | null;
  /** Further figures, `label: value`, shown after the ratio. */
  details: string[];
}

export interface ScenarioResult {
  name: string;
  /** What was run, one line. */
  title: string;
  unit: string;
  measuredLabel: string;
  baselineLabel: string;
  /** The target, in words (`≥ 50% of raw`). */
  target: string;
  rows: BenchRow[];
  notes: string[];
  /** Further tables (a cost breakdown), shown after the main one. */
  sections?: Section[];
}

export interface Section {
  title: string;
  header: string[];
  rows: string[][];
}

function fixedWidth(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) =>
    r
      .map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
}

const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '—';

export const formatNumber = fmt;
export const percent = (r: number, digits = 1) => `${fmt(r * 100, digits)}%`;

function cells(s: ScenarioResult): string[][] {
  const header = ['dialect', `${s.measuredLabel} (${s.unit})`, `${s.baselineLabel} (${s.unit})`, 'ratio', 'target'];
  const digits = (n: number) => (Math.abs(n) < 10 ? 2 : Math.abs(n) < 1000 ? 1 : 0);
  return [
    header,
    ...s.rows.map((r) => [
      r.dialect,
      fmt(r.measured, digits(r.measured)),
      fmt(r.baseline, digits(r.baseline)),
      percent(r.ratio),
      r.met === null ? `n/a (${s.target})` : `${r.met ? 'met' : 'MISSED'} (${s.target})`,
    ]),
  ];
}

/** A compact fixed-width table for the terminal. */
export function formatTable(s: ScenarioResult): string {
  const rows = cells(s);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) =>
    r.map((v, c) => (c === 0 || c === r.length - 1 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join('  ');
  const out = [`${s.name}: ${s.title}`, line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const [i, r] of s.rows.entries()) {
    out.push(line(rows[i + 1]!));
    if (r.details.length > 0) out.push(`    ${r.details.join('; ')}`);
  }
  for (const n of s.notes) out.push(`  note: ${n}`);
  for (const section of s.sections ?? []) {
    out.push('', section.title, ...fixedWidth([section.header, ...section.rows]).map((l) => `  ${l}`));
  }
  return out.join('\n');
}

export function formatMarkdown(s: ScenarioResult): string {
  const rows = cells(s);
  const out = [
    `## ${s.name}`,
    '',
    s.title,
    '',
    `| ${rows[0]!.join(' | ')} |`,
    `|${rows[0]!.map(() => ' --- ').join('|')}|`,
  ];
  for (const r of rows.slice(1)) out.push(`| ${r.join(' | ')} |`);
  out.push('');
  for (const r of s.rows) if (r.details.length > 0) out.push(`- ${r.dialect}: ${r.details.join('; ')}`);
  for (const n of s.notes) out.push(`- ${n}`);
  for (const section of s.sections ?? []) {
    out.push('', `### ${section.title}`, '', `| ${section.header.join(' | ')} |`);
    out.push(`|${section.header.map(() => ' --- ').join('|')}|`);
    for (const r of section.rows) out.push(`| ${r.join(' | ')} |`);
  }
  return out.join('\n');
}

export interface MachineInfo {
  node: string;
  cpu: string;
  cores: number;
  memory: string;
}

export function machineInfo(): MachineInfo {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m?.[1]) cpu = m[1].trim();
  } catch {
    // not Linux: os.cpus() it is
  }
  return {
    node: process.version,
    cpu,
    cores: cpus().length,
    memory: `${fmt(totalmem() / 2 ** 30, 1)} GiB`,
  };
}

/**
 * RESULTS.md after a run: the scenarios just run replace their sections (each stamped with its date and
 * command); sections of scenarios not run this time stay as they were, so `--only=…` updates one figure.
 */
export function resultsMarkdown(
  results: ScenarioResult[],
  o: { date: Date; machine: MachineInfo; command: string; previous?: string },
) {
  const m = o.machine;
  const sections = new Map<string, string>();
  for (const part of (o.previous ?? '').split(/^(?=## )/m).slice(1)) {
    const name = /^## (\S+)/.exec(part)?.[1];
    if (name) sections.set(name, part.trimEnd());
  }
  for (const r of results) {
    const stamp = `Measured ${o.date.toISOString()} by \`${o.command}\`; machine: Node ${m.node}, ${m.cpu}, ${m.cores} cores, ${m.memory}.`;
    sections.set(r.name, formatMarkdown(r).replace('\n\n', `\n\n${stamp}\n\n`).trimEnd());
  }
  return [
    '# Benchmark results',
    '',
    'Each figure is measured beside its baseline in the same run, on SQLite (a temp file, WAL, as `openStore`',
    'sets it) and PostgreSQL (a fresh schema, dropped after). Each section says when and where it was measured.',
    '',
    ...[...sections.values()].map((section) => `${section}\n`),
  ].join('\n');
}
