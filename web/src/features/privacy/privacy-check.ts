import { useCallback, useEffect, useRef, useState } from 'react';
import { type Finding, replaceFinding } from '../../../../common/privacy/kinds.ts';

/**
 * The privacy check in the browser. The detector (with the phone metadata of libphonenumber-js,
 * about 45 KB gzip together) is its own chunk, loaded the first time a case text is checked.
 */
type Detector = typeof import('../../../../common/privacy/index.ts');
let detector: Promise<Detector> | null = null;

/** Loads the detector once; later calls share the same promise. */
export function loadPrivacyDetector(): Promise<Detector> {
  detector ??= import('../../../../common/privacy/index.ts');
  return detector;
}

/** The personal data in a text, as the server's check finds it. */
export async function findPersonalData(text: string): Promise<Finding[]> {
  return (await loadPrivacyDetector()).detectPersonalData(text);
}

/**
 * Whether a case text may be posted only with an explicit confirmation: it still holds personal
 * data. The help-request form asks this before posting (and the server checks again).
 */
export async function needsPrivacyConfirmation(text: string): Promise<boolean> {
  return (await findPersonalData(text)).length > 0;
}

/** A finding with a little of the text around it, to show where it is. */
export function findingContext(text: string, finding: Pick<Finding, 'start' | 'end'>, radius = 24) {
  let from = Math.max(0, finding.start - radius);
  let to = Math.min(text.length, finding.end + radius);
  // Cut at a word boundary, never inside a surrogate pair.
  while (from > 0 && from < finding.start && !/\s/.test(text.charAt(from - 1))) from++;
  while (to < text.length && to > finding.end && !/\s/.test(text.charAt(to))) to--;
  return {
    before: `${from > 0 ? '…' : ''}${text.slice(from, finding.start)}`,
    match: text.slice(finding.start, finding.end),
    after: `${text.slice(finding.end, to)}${to < text.length ? '…' : ''}`,
  };
}

/**
 * The same finding in a text that changed since it was found (the mentor went on typing): the one
 * of the same kind and wording nearest to where it was.
 */
export function relocateFinding(current: readonly Finding[], old: Finding): Finding | undefined {
  return current
    .filter((f) => f.kind === old.kind && f.text === old.text)
    .sort((a, b) => Math.abs(a.start - old.start) - Math.abs(b.start - old.start))[0];
}

export interface PrivacyCheckState {
  /** The findings of the text as it was last checked. */
  findings: Finding[];
  /** True while the text has changed and the check has not caught up yet. */
  checking: boolean;
  /** The text with one finding replaced by its placeholder (checked again at once). */
  replace: (finding: Finding) => Promise<string>;
  /** The text with every finding replaced. */
  replaceAll: () => Promise<string>;
}

/** Runs the privacy check as the text changes, debounced; every call gives the latest state. */
export function usePrivacyCheck(text: string, delayMs = 400): PrivacyCheckState {
  const [checked, setChecked] = useState<{ text: string; findings: Finding[] } | null>(null);
  const latest = useRef(text);
  latest.current = text;

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(
      async () => {
        const findings = await findPersonalData(text);
        if (!cancelled) setChecked({ text, findings });
      },
      text === '' ? 0 : delayMs,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [text, delayMs]);

  const replace = useCallback(async (finding: Finding) => {
    const { detectPersonalData } = await loadPrivacyDetector();
    const current = latest.current;
    const target = relocateFinding(detectPersonalData(current), finding);
    if (!target) return current;
    const next = replaceFinding(current, target);
    setChecked({ text: next, findings: detectPersonalData(next) });
    return next;
  }, []);

  const replaceAll = useCallback(async () => {
    const { detectPersonalData, replaceAllFindings } = await loadPrivacyDetector();
    const next = replaceAllFindings(latest.current, detectPersonalData(latest.current));
    setChecked({ text: next, findings: detectPersonalData(next) });
    return next;
  }, []);

  return {
    findings: checked?.findings ?? [],
    checking: checked?.text !== text,
    replace,
    replaceAll,
  };
}
