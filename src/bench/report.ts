export interface Target {
  readonly op: '<=' | '>=';
  readonly value: number;
}

/** One measured figure: its JSON key, a label for the table, and its target if it has one. */
export interface Figure {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  readonly unit: 'ms' | 'MB' | '/s' | '×' | '';
  readonly target?: Target;
  /** Shown in the table for comparison, left out of the JSON line (whose keys are a contract). */
  readonly tableOnly?: true;
}

export function meetsTarget(figure: Figure): boolean | null {
  const { target, value } = figure;
  if (target === undefined) return null;
  return target.op === '<=' ? value <= target.value : value >= target.value;
}

/** Enough digits to read a sub-millisecond figure, not so many that big ones get noisy. */
function formatNumber(value: number): string {
  const magnitude = Math.abs(value);
  const digits = magnitude >= 1000 ? 0 : magnitude >= 100 ? 1 : magnitude >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function withUnit(value: number, unit: Figure['unit']): string {
  return unit === '' ? formatNumber(value) : `${formatNumber(value)} ${unit}`;
}

/** A plain-text table: figure, key, value, target, and whether the target is met. */
export function renderTable(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => {
    const met = meetsTarget(figure);
    return [
      figure.label,
      figure.key,
      withUnit(figure.value, figure.unit),
      figure.target === undefined ? '' : `${figure.target.op === '<=' ? '≤' : '≥'} ${withUnit(figure.target.value, figure.unit)}`,
      met === null ? '' : met ? 'pass' : 'FAIL',
    ];
  });
  const header = ['figure', 'key', 'value', 'target', 'result'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 2 ? cell.padStart(widths[column] as number) : cell.padEnd(widths[column] as number)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** The figures as one JSON object, key → value, rounded to the microsecond (or thousandth). */
export function toJsonLine(figures: readonly Figure[]): string {
  return JSON.stringify(
    Object.fromEntries(figures.filter((figure) => !figure.tableOnly).map((figure) => [figure.key, Math.round(figure.value * 1000) / 1000])),
  );
}
