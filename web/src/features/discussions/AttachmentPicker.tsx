import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../../common/contracts/discussions.ts';
import {
  ATTACHMENT_MAX_MB,
  ATTACHMENT_TYPES,
  MAX_ATTACHMENTS_PER_POST,
} from '../../../../common/discussions.ts';
import { Alert } from '../../components/Alert.tsx';
import { uploadAttachment } from './api.ts';

/** Uploads files as they are chosen; the post then carries their ids. */
export function AttachmentPicker({
  slug,
  attachments,
  onChange,
}: {
  slug: string;
  attachments: Attachment[];
  onChange: (next: Attachment[]) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const upload = useMutation({
    mutationFn: (file: File) => uploadAttachment(slug, file),
    onSuccess: (attachment) => onChange([...attachments, attachment]),
  });
  const full = attachments.length >= MAX_ATTACHMENTS_PER_POST;
  return (
    <div className="field">
      <label htmlFor={id}>{t('discussions.attach')}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {t('discussions.attach_hint', { mb: ATTACHMENT_MAX_MB })}
      </p>
      <input
        id={id}
        type="file"
        aria-describedby={`${id}-hint`}
        accept={ATTACHMENT_TYPES.join(',')}
        disabled={full || upload.isPending}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) upload.mutate(file);
          e.target.value = '';
        }}
      />
      {upload.isPending && <p className="muted small">{t('discussions.uploading')}</p>}
      {upload.isError && <Alert tone="error">{upload.error.message}</Alert>}
      {attachments.length > 0 && (
        <ul className="chips">
          {attachments.map((a) => (
            <li key={a.id} className="chip">
              {a.fileName}
              <button
                type="button"
                className="chip-remove"
                aria-label={t('discussions.attach_remove', { name: a.fileName })}
                onClick={() => onChange(attachments.filter((x) => x.id !== a.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
