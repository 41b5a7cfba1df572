/**
 * `npm run bench` runs every benchmark; `npm run bench -- <name>` runs one. A benchmark is a
 * file exporting `benchmark: Benchmark`, registered in BENCHMARKS below (one line). Each runs on
 * a fresh SQLite file and on PostgreSQL (`lamtheo_bench`, skipped with the reason when no server
 * answers), and reports every figure beside its floor. The Markdown printed at the end is what
 * BENCHMARKS.md records.
 */
import os from 'node:os';
import { benchDatabases, type BenchDatabase } from './lib/databases';
import { Report } from './lib/report';

export interface Benchmark {
  name: string;
  description: string;
  /** Build the data set and time the work on one database, adding figures to the report. */
  run(database: BenchDatabase, report: Report): Promise<void>;
}

const BENCHMARKS: Record<string, () => Promise<{ benchmark: Benchmark }>> = {
  'org-tree': () => import('./org-tree.bench'),
};

async function main() {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((name) => !(name in BENCHMARKS));
  if (unknown.length) {
    console.error(`unknown benchmark: ${unknown.join(', ')} (known: ${Object.keys(BENCHMARKS).join(', ')})`);
    process.exit(2);
  }
  const names = wanted.length ? wanted : Object.keys(BENCHMARKS);
  const report = new Report();
  const databases = await benchDatabases();
  console.log(`lamtheo benchmarks — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}`);
  for (const name of names) {
    const { benchmark } = await BENCHMARKS[name]();
    console.log(`\n${benchmark.name}: ${benchmark.description}`);
    for (const database of databases) {
      if (database.skip) {
        console.log(`\n[${database.name}] skipped: ${database.skip}`);
        report.note(`${benchmark.name} on ${database.name} skipped: ${database.skip}`);
        continue;
      }
      console.log(`\n[${database.name}]`);
      await benchmark.run(database, report);
    }
  }
  console.log(`\n--- Markdown for BENCHMARKS.md ---\n\n${report.markdown()}`);
}

await main();
