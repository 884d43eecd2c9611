import { readdirSync, readFileSync } from 'node:fs';
import { type Finding, PRIVACY_KINDS, type PrivacyKind } from '../../../common/privacy/index.ts';

/** A case text of the corpus with its labelled personal data. */
export interface CorpusCase {
  id: string;
  language: string;
  part: 'dev' | 'heldout' | 'hard';
  text: string;
  labels: Omit<Finding, 'text'>[];
}

const MARK = /\{\{([a-z_]+)\|([^}]*)\}\}/g;

/** One case: the markers `{{kind|text}}` removed, their spans kept. */
export function parseCase(raw: string): { text: string; labels: Omit<Finding, 'text'>[] } {
  const labels: Omit<Finding, 'text'>[] = [];
  let text = '';
  let last = 0;
  for (const m of raw.matchAll(MARK)) {
    const kind = m[1] as PrivacyKind;
    if (!PRIVACY_KINDS.includes(kind)) throw new Error(`Unknown kind ${kind} in: ${raw}`);
    text += raw.slice(last, m.index);
    const start = text.length;
    text += m[2];
    labels.push({ kind, start, end: text.length });
    last = m.index + m[0].length;
  }
  return { text: text + raw.slice(last), labels };
}

/** The corpus of fixtures/{dev,heldout,hard}/<file>.txt. */
export function loadCorpus(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const part of ['dev', 'heldout', 'hard'] as const) {
    const dir = new URL(`./fixtures/${part}/`, import.meta.url);
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()) {
      const language = file.replace(/\.txt$/, '');
      const blocks = readFileSync(new URL(file, dir), 'utf8').split(/^=== /m).slice(1);
      for (const block of blocks) {
        const newline = block.indexOf('\n');
        const id = block.slice(0, newline).trim();
        cases.push({ id, language, part, ...parseCase(block.slice(newline + 1).trim()) });
      }
    }
  }
  return cases;
}

export interface KindScore {
  labelled: number;
  found: number;
  /** Labelled spans overlapped by a finding of their kind. */
  recalled: number;
  /** Labelled spans covered completely by findings of their kind. */
  covered: number;
  /** Findings that overlap a labelled span of their kind. */
  correct: number;
}

export interface Score {
  texts: number;
  perKind: Record<PrivacyKind, KindScore>;
  falseFindings: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** Recall, coverage and precision per kind of a detector's findings against the labels. */
export function score(cases: readonly CorpusCase[], detect: (text: string) => Finding[]): Score {
  const perKind = Object.fromEntries(
    PRIVACY_KINDS.map((k) => [k, { labelled: 0, found: 0, recalled: 0, covered: 0, correct: 0 }]),
  ) as Record<PrivacyKind, KindScore>;
  let falseFindings = 0;
  for (const c of cases) {
    const findings = detect(c.text);
    for (const label of c.labels) {
      const s = perKind[label.kind];
      s.labelled++;
      const same = findings.filter((f) => f.kind === label.kind && overlaps(f, label));
      if (same.length > 0) s.recalled++;
      let covered = 0;
      for (let i = label.start; i < label.end; i++)
        if (same.some((f) => f.start <= i && i < f.end)) covered++;
      if (covered === label.end - label.start) s.covered++;
    }
    for (const f of findings) {
      const s = perKind[f.kind];
      s.found++;
      if (c.labels.some((l) => l.kind === f.kind && overlaps(f, l))) s.correct++;
      else falseFindings++;
    }
  }
  return { texts: cases.length, perKind, falseFindings };
}

const percent = (a: number, b: number) => (b === 0 ? '   –  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);

/** The score as a table for the test output and the README. */
export function formatScore(title: string, s: Score): string {
  const rows = [
    `${title}: ${s.texts} texts, ${s.falseFindings} false findings (${(s.falseFindings / s.texts).toFixed(2)} per text)`,
    'kind               labelled  found  recall  covered  precision',
  ];
  for (const kind of PRIVACY_KINDS) {
    const k = s.perKind[kind];
    rows.push(
      `${kind.padEnd(18)} ${String(k.labelled).padStart(8)} ${String(k.found).padStart(6)}  ${percent(k.recalled, k.labelled)}   ${percent(k.covered, k.labelled)}     ${percent(k.correct, k.found)}`,
    );
  }
  return rows.join('\n');
}
