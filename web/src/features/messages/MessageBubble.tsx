import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_MAX_CHARS } from '../../../../common/messages.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ServerHtml } from '../../components/ServerHtml.tsx';
import { formatMoment } from '../../lib/dates.ts';
import { ReportButton } from '../moderation/ReportButton.tsx';
import { type ChatMessage, deleteMessage, editMessage, mergeMessage } from './api.ts';

interface MessageBubbleProps {
  message: ChatMessage;
  own: boolean;
  /** The sender's name, shown above others' messages in a group. */
  author?: string;
  /** "Seen" / "Seen by …" under my newest message. */
  seen?: string;
  /** Written offline: waits in the outbox until the browser is back online. */
  waiting?: boolean;
  onRetry: () => void;
}

/**
 * One message of the chat: its text (or the placeholder of a deleted one), time, "edited", and on
 * one's own messages Edit (in place: Enter saves, Escape cancels) and Delete (after confirming).
 */
export function MessageBubble({ message: m, own, author, seen, waiting, onRetry }: MessageBubbleProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [empty, setEmpty] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const bubbleRef = useRef<HTMLLIElement>(null);
  const editRef = useRef<HTMLTextAreaElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const focusAfterDelete = useRef(false);
  const editId = useId();

  const save = useMutation({
    mutationFn: (body: string) => editMessage(m.id, body),
    onSuccess: (next) => {
      mergeMessage(queryClient, next);
      close();
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteMessage(m.id),
    onSuccess: () => {
      // The live event brings the server's copy; until then, show the placeholder at once.
      mergeMessage(queryClient, { ...m, body: '', html: '', deletedAt: new Date().toISOString() });
      focusAfterDelete.current = true;
      setConfirming(false);
    },
  });

  // Into the field when editing starts; back to the Edit button when it ends.
  useEffect(() => {
    if (editing) editRef.current?.focus();
    else if (returnFocus.current) editButtonRef.current?.focus();
    returnFocus.current = false;
  }, [editing]);
  // Its buttons are gone once deleted: keep the keyboard user's place on the message itself.
  useEffect(() => {
    if (m.deletedAt && focusAfterDelete.current) bubbleRef.current?.focus();
    focusAfterDelete.current = false;
  }, [m.deletedAt]);

  function open() {
    setDraft(m.body);
    setEmpty(false);
    save.reset();
    setEditing(true);
  }

  function close() {
    returnFocus.current = true;
    setEditing(false);
  }

  function submit() {
    if (save.isPending) return;
    if (draft.trim() === '') {
      setEmpty(true);
      return;
    }
    if (draft === m.body) close();
    else save.mutate(draft);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  const canChange = own && !m.pending && !m.deletedAt;
  return (
    <li
      ref={bubbleRef}
      tabIndex={-1}
      className={`bubble${own ? ' bubble-own' : ''}${editing ? ' bubble-editing' : ''}`}
      data-message-id={m.id}
    >
      {author && <span className="bubble-author">{author}</span>}
      {editing ? (
        <form
          className="bubble-edit"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label htmlFor={editId} className="visually-hidden">
            {t('messages.edit_label')}
          </label>
          <textarea
            id={editId}
            ref={editRef}
            rows={3}
            value={draft}
            maxLength={MESSAGE_MAX_CHARS}
            aria-describedby={`${editId}-hint`}
            onKeyDown={onKeyDown}
            onChange={(e) => {
              setDraft(e.target.value);
              setEmpty(false);
            }}
          />
          <span id={`${editId}-hint`} className="small muted">
            {t('messages.edit_hint')}
          </span>
          {empty && <Alert tone="error">{t('messages.edit_empty')}</Alert>}
          {save.isError && <Alert tone="error">{save.error.message}</Alert>}
          <span className="actions">
            <Button variant="secondary" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" pending={save.isPending}>
              {t('common.save')}
            </Button>
          </span>
        </form>
      ) : m.deletedAt ? (
        <p className="muted">{t('messages.deleted')}</p>
      ) : m.pending ? (
        <p className="prewrap bubble-text" dir="auto">
          {m.body}
        </p>
      ) : (
        <ServerHtml html={m.html} className="markdown bubble-text" />
      )}
      <span className="bubble-meta small">
        <time dateTime={m.createdAt}>{formatMoment(m.createdAt, i18n.language)}</time>
        {m.editedAt && !m.deletedAt && ` · ${t('messages.edited')}`}
        {m.pending === 'sending' && ` · ${waiting ? t('offline.waiting_to_send') : t('messages.sending')}`}
        {canChange && !editing && (
          <span className="bubble-actions">
            <button ref={editButtonRef} type="button" className="link-button" onClick={open}>
              {t('messages.edit')}
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                remove.reset();
                setConfirming(true);
              }}
            >
              {t('messages.delete')}
            </button>
          </span>
        )}
        {!own && !m.pending && !m.deletedAt && (
          <span className="bubble-actions">
            <ReportButton kind="message" id={m.id} />
          </span>
        )}
      </span>
      {m.pending === 'failed' && (
        <span className="bubble-failed small" role="alert">
          {t('messages.not_sent')}{' '}
          <button type="button" className="link-button" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </span>
      )}
      {seen && <span className="bubble-seen small">{seen}</span>}
      {own && (
        <ConfirmDialog
          open={confirming}
          message={t('messages.delete_confirm')}
          confirmLabel={t('messages.delete')}
          pending={remove.isPending}
          onConfirm={() => remove.mutate()}
          onCancel={() => setConfirming(false)}
        >
          {remove.isError && <Alert tone="error">{remove.error.message}</Alert>}
        </ConfirmDialog>
      )}
    </li>
  );
}
