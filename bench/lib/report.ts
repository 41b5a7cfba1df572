/** Collects each figure beside its floor and prints them as the run goes and as Markdown at the end. */
export interface Figure {
  benchmark: string;
  database: string;
  work: string;
  figure: string;
  /** The bare SQL doing the same work on the same database. */
  floor: string;
  /** An in-memory pass over the same data (typed arrays), where one makes sense. */
  inMemory?: string;
}

export class Report {
  readonly figures: Figure[] = [];
  readonly notes: string[] = [];

  add(figure: Figure): void {
    this.figures.push(figure);
    const memory = figure.inMemory ? `   in memory: ${figure.inMemory}` : '';
    console.log(`  ${figure.work.padEnd(58)} ${figure.figure.padEnd(34)} floor: ${figure.floor}${memory}`);
  }

  note(line: string): void {
    this.notes.push(line);
    console.log(`  ${line}`);
  }

  markdown(): string {
    const out: string[] = [];
    const groups = new Map<string, Figure[]>();
    for (const f of this.figures) {
      const key = `${f.benchmark} — ${f.database}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    for (const [key, figures] of groups) {
      out.push(`### ${key}`, '', '| work | lamtheo code path | floor (bare SQL) | in memory |', '|---|---|---|---|');
      for (const f of figures) out.push(`| ${f.work} | ${f.figure} | ${f.floor} | ${f.inMemory ?? '—'} |`);
      out.push('');
    }
    if (this.notes.length) out.push(...this.notes.map((n) => `- ${n}`), '');
    return out.join('\n');
  }
}
