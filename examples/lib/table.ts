// A plain-text table printer for the demo and the examples: aligned columns, numbers to the right.

export type Cell = string | number | boolean | null | undefined | { toString(): string };

function text(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  return String(cell);
}

function isNumeric(s: string): boolean {
  return /^[-+]?[\d,]*\.?\d+%?$/.test(s) || s === '';
}

/** Groups the integer digits of a decimal string by thousands: 100000000 → 100,000,000. */
export function grouped(value: Cell, places?: number): string {
  const s = text(value);
  if (!/^-?\d+(\.\d+)?$/.test(s)) return s;
  const [int, frac] = s.split('.') as [string, string | undefined];
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  let f = frac ?? '';
  if (places !== undefined) f = f.padEnd(places, '0').slice(0, places);
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${f ? `.${f}` : ''}`;
}

/** Renders rows under a header as aligned text; numeric columns are right-aligned. */
export function table(header: string[], rows: Cell[][]): string {
  const cells = rows.map((r) => r.map(text));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => cells.every((r) => isNumeric(r[i] ?? '')));
  const line = (r: string[]) =>
    r.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** A section title. */
export function title(s: string): string {
  return `\n${s}\n${'='.repeat(s.length)}`;
}
