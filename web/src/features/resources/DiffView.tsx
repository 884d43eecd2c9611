import { useTranslation } from 'react-i18next';
import type { DiffPart } from '../../../../common/contracts/resources.ts';

/**
 * A line difference as the server computed it: added lines marked as insertions, removed ones as
 * deletions (with a sign and a hidden word for those who cannot see the colours).
 */
export function DiffView({ parts, label }: { parts: DiffPart[]; label: string }) {
  const { t } = useTranslation();
  return (
    <section className="diff" aria-label={label} dir="auto">
      {parts.map((part, index) => {
        const key = `${index}-${part.op}`;
        if (part.op === 'add')
          return (
            <ins key={key} className="diff-add">
              <span className="visually-hidden">{t('resources.diff.added')} </span>
              {part.text}
            </ins>
          );
        if (part.op === 'remove')
          return (
            <del key={key} className="diff-remove">
              <span className="visually-hidden">{t('resources.diff.removed')} </span>
              {part.text}
            </del>
          );
        return (
          <span key={key} className="diff-same">
            {part.text}
          </span>
        );
      })}
    </section>
  );
}
