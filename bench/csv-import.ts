// Parsing a graduates file of 5,000 rows (the MOOC import's CSV reader plus header mapping and row
// checks, no database): a semicolon-separated German export with a BOM, CRLF, umlauts and quoted
// fields holding separators and line breaks. Target: under one second per file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { readGraduateCsv } from '../server/modules/mooc/index.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 5000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const TARGET_MS = 1000;
const root = path.resolve(import.meta.dirname, '..');

function buildFile(rows: number): string {
  const lines = ['\uFEFFVorname;Nachname;E-Mail-Adresse;Abschlussdatum;Sprache;Bemerkung'];
  const first = ['Jürgen', 'Ayşe', 'Zoë', 'Olena', 'Αλέξανδρος', 'Mohammed'];
  const last = ['Müller', 'Öztürk', 'Şahin', 'Коваленко', 'Παπαδόπουλος', 'Al-Rashid'];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const note = i % 7 === 0 ? '"Kurs A; Gruppe ""B""\r\nzweite Zeile"' : 'ok';
    lines.push(
      `${first[i % first.length]};${last[i % last.length]};person${i}@example.org;${day}.03.2025;${i % 3 ? 'de' : 'uk'};${note}`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

const text = buildFile(ROWS);
const timings: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  const csv = readGraduateCsv(text);
  timings.push(performance.now() - started);
  const bad = csv.rows.filter((r) => r.problems.length > 0).length;
  if (csv.rows.length !== ROWS || bad > 0)
    throw new Error(`parsed ${csv.rows.length} rows, ${bad} with problems`);
}
const coldMs = timings[0] ?? 0;
timings.sort((a, b) => a - b);
const median = timings[Math.floor(timings.length / 2)] ?? 0;
const max = timings[timings.length - 1] ?? 0;
const result = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  rows: ROWS,
  bytes: Buffer.byteLength(text),
  runs: RUNS,
  coldMs: Number(coldMs.toFixed(1)),
  medianMs: Number(median.toFixed(1)),
  maxMs: Number(max.toFixed(1)),
  targetMs: TARGET_MS,
};
console.log(JSON.stringify(result, null, 2));
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(
  path.join(root, `bench/results/csv-import-${Date.now()}.json`),
  `${JSON.stringify(result, null, 2)}\n`,
);
if (max > TARGET_MS) {
  console.error(`slowest run ${max.toFixed(1)} ms is over the ${TARGET_MS} ms target`);
  process.exitCode = 1;
}
