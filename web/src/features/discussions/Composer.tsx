import { type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../common/contracts/networks.ts';
import { MAX_POST_CHARS, mentionToken } from '../../../../common/discussions.ts';
import { UserText } from '../../components/UserText.tsx';
import { useMembers } from '../members/api.ts';

interface ComposerProps {
  slug: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  rows?: number;
}

/** The word being typed after an "@" right before the caret, if any. */
function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([^\s@[\]]{0,30})$/.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - (match[2]?.length ?? 0) - 1, query: match[2] ?? '' };
}

/**
 * Markdown text area with @mention autocomplete: typing "@" and part of a name lists the network's
 * members; arrow keys choose, Enter or Tab inserts the mention token the server understands.
 */
export function Composer({ slug, label, value, onChange, error, rows = 5 }: ComposerProps) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-mentions`;
  const ref = useRef<HTMLTextAreaElement>(null);
  // Where the caret goes once a chosen mention is in the field: set as soon as React has written the
  // new text, before the next key is handled (a later frame would move it back behind what was typed).
  const caretAfterInsert = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = caretAfterInsert.current;
    if (at === null || value.length < at) return;
    caretAfterInsert.current = null;
    ref.current?.focus();
    ref.current?.setSelectionRange(at, at);
  }, [value]);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const members = useMembers(slug, '');
  const all = members.data?.pages.flatMap((p) => p.members) ?? [];
  const needle = mention?.query.toLocaleLowerCase() ?? '';
  const options = mention
    ? all.filter((m) => m.displayName.toLocaleLowerCase().includes(needle)).slice(0, 6)
    : [];
  const open = options.length > 0;

  function update(text: string, caret: number) {
    onChange(text);
    const next = mentionQuery(text, caret);
    setMention(next);
    setActive(0);
  }

  function insert(member: Member) {
    if (!mention) return;
    const caret = ref.current?.selectionStart ?? value.length;
    const token = `${mentionToken({ id: member.userId, displayName: member.displayName })} `;
    const text = value.slice(0, mention.start) + token + value.slice(caret);
    onChange(text);
    setMention(null);
    caretAfterInsert.current = mention.start + token.length;
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + options.length) % options.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      const chosen = options[active];
      if (chosen) {
        event.preventDefault();
        insert(chosen);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setMention(null);
    }
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field composer">
      <label htmlFor={id}>{label}</label>
      <p id={hintId} className="field-hint">
        {t('discussions.composer_hint')}
      </p>
      <textarea
        ref={ref}
        id={id}
        rows={rows}
        value={value}
        maxLength={MAX_POST_CHARS}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        onKeyDown={onKeyDown}
        onChange={(e) => update(e.target.value, e.target.selectionStart)}
        onBlur={() => setTimeout(() => setMention(null), 150)}
      />
      <div
        id={listId}
        role="listbox"
        className="mention-list"
        aria-label={t('discussions.mention_label')}
        hidden={!open}
      >
        {options.map((m, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works through the text area (combobox pattern)
          <div
            key={m.userId}
            id={`${listId}-${i}`}
            tabIndex={-1}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => insert(m)}
          >
            <UserText>{m.displayName}</UserText>
          </div>
        ))}
      </div>
      {error && (
        <p id={errorId} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}
