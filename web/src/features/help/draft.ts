import { useCallback, useEffect, useState } from 'react';
import type { Attachment } from '../../../../common/contracts/discussions.ts';
import { EXPERTISE_AREAS, type ExpertiseArea } from '../../../../common/expertise.ts';
import {
  HELP_REQUEST_KINDS,
  HELP_URGENCIES,
  type HelpRequestKind,
  type HelpUrgency,
} from '../../../../common/help-requests.ts';
import { LANGUAGE_CODES, type LanguageCode } from '../../../../common/languages.ts';

/** What the ask form holds while the mentor writes. */
export interface HelpDraft {
  kind: HelpRequestKind;
  title: string;
  body: string;
  expertise: ExpertiseArea[];
  languages: LanguageCode[];
  urgency: HelpUrgency;
  /** YYYY-MM-DD or empty. */
  deadline: string;
  attachments: Attachment[];
}

export const emptyDraft = (kind: HelpRequestKind = 'question'): HelpDraft => ({
  kind,
  title: '',
  body: '',
  expertise: [],
  languages: [],
  urgency: 'whenever',
  deadline: '',
  attachments: [],
});

/** The values of a list that are among the allowed ones. */
export function only<T extends string>(allowed: readonly T[], value: unknown): T[] {
  return Array.isArray(value) ? value.filter((v): v is T => (allowed as readonly unknown[]).includes(v)) : [];
}

/** A stored draft read back; anything that does not fit falls back to the empty form. */
export function parseDraft(text: string | null): HelpDraft | null {
  if (!text) return null;
  let data: Partial<Record<keyof HelpDraft, unknown>>;
  try {
    data = JSON.parse(text) as typeof data;
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const empty = emptyDraft();
  const text_ = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    kind: (HELP_REQUEST_KINDS as readonly unknown[]).includes(data.kind)
      ? (data.kind as HelpRequestKind)
      : empty.kind,
    title: text_(data.title),
    body: text_(data.body),
    expertise: only(EXPERTISE_AREAS, data.expertise),
    languages: only(LANGUAGE_CODES, data.languages),
    urgency: (HELP_URGENCIES as readonly unknown[]).includes(data.urgency)
      ? (data.urgency as HelpUrgency)
      : empty.urgency,
    deadline: /^\d{4}-\d{2}-\d{2}$/.test(text_(data.deadline)) ? text_(data.deadline) : '',
    attachments: Array.isArray(data.attachments) ? (data.attachments as Attachment[]) : [],
  };
}

/** Whether the mentor has written anything worth keeping. */
export const isBlank = (draft: HelpDraft) =>
  draft.title.trim() === '' && draft.body.trim() === '' && draft.attachments.length === 0;

const draftKey = (slug: string) => `mentornet.help-draft.${slug}`;

/**
 * The ask form's content, kept in this tab's session storage as it is typed: a failed post, a
 * reload or a look at another page loses nothing. Session storage (not local): a case text may
 * still hold personal data, and it goes when the tab is closed.
 */
export function useHelpDraft(slug: string, initialKind: HelpRequestKind) {
  const [draft, setDraft] = useState<HelpDraft>(() => {
    const stored = parseDraft(readStorage(draftKey(slug)));
    return stored && !isBlank(stored) ? stored : emptyDraft(initialKind);
  });
  useEffect(() => {
    if (isBlank(draft)) removeStorage(draftKey(slug));
    else writeStorage(draftKey(slug), JSON.stringify(draft));
  }, [slug, draft]);
  const update = useCallback((change: Partial<HelpDraft>) => setDraft((d) => ({ ...d, ...change })), []);
  const discard = useCallback(() => {
    removeStorage(draftKey(slug));
    setDraft(emptyDraft(initialKind));
  }, [slug, initialKind]);
  return { draft, update, discard };
}

// Storage may be unavailable (private modes, full quota): the form then works without a draft.
function readStorage(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}
function writeStorage(key: string, value: string): void {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    /* no draft then */
  }
}
function removeStorage(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    /* nothing stored */
  }
}
