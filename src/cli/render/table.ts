/** A plain text table: the first row is the header; numbers align right. */
export function renderTable(title: string, rows: (string | number)[][]): string {
  const widths: number[] = [];
  for (const r of rows) {
    r.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, String(c).length);
    });
  }
  const line = (r: (string | number)[]) =>
    r
      .map((c, i) => (typeof c === 'number' ? String(c).padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const [head, ...body] = rows;
  const out = [title];
  if (head) out.push(`  ${line(head)}`, `  ${widths.map((w) => '─'.repeat(w)).join('  ')}`);
  for (const r of body) out.push(`  ${line(r)}`);
  return out.join('\n');
}
