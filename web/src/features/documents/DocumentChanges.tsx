import { useTranslation } from 'react-i18next';
import type { NetworkDocument } from '../../../../common/contracts/documents.ts';
import { Alert } from '../../components/Alert.tsx';

type Changes = NonNullable<NetworkDocument['changes']>;
type Part = Changes['parts'][number];

/** Lines of unchanged text kept around a change, so that it can be found in the document. */
const CONTEXT = 2;

/** Long unchanged stretches shrink to their first and last lines around an ellipsis. */
export function condense(parts: Part[]): (Part | { change: 'skipped'; text: '' })[] {
  return parts.flatMap((part, i) => {
    if (part.change !== 'unchanged') return [part];
    const lines = part.text.replace(/\n$/, '').split('\n');
    const head = i === 0 ? 0 : CONTEXT;
    const tail = i === parts.length - 1 ? 0 : CONTEXT;
    if (lines.length <= head + tail + 1) return [part];
    const out: (Part | { change: 'skipped'; text: '' })[] = [];
    if (head) out.push({ change: 'unchanged', text: `${lines.slice(0, head).join('\n')}\n` });
    out.push({ change: 'skipped', text: '' });
    if (tail) out.push({ change: 'unchanged', text: `${lines.slice(-tail).join('\n')}\n` });
    return out;
  });
}

/**
 * What changed in a document since the version the member accepted: the publisher's summary and
 * the text's changes line by line (added and removed lines named for screen readers, not by colour alone).
 */
export function DocumentChanges({
  document,
}: {
  /** A network document, or the platform's privacy notice or terms of use. */
  document: { kind: string; summary: string | null; changes: Changes | null };
}) {
  const { t } = useTranslation();
  const { changes, summary } = document;
  if (!changes) return null;
  const headingId = `changes-${document.kind}`;
  const textChanged = changes.parts.some((p) => p.change !== 'unchanged');
  return (
    <section className="doc-changes stack-tight" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('networks.agreement.changes_heading', { version: changes.sinceVersion })}</h3>
      {summary && (
        <div className="stack-tight">
          <p className="strong">{t('networks.agreement.summary_label')}</p>
          <p className="pre-wrap" dir="auto">
            {summary}
          </p>
        </div>
      )}
      {textChanged ? (
        <pre className="doc-diff" dir="auto">
          {condense(changes.parts).map((part, i) => {
            const key = `${i}-${part.change}`;
            if (part.change === 'added')
              return (
                <ins key={key}>
                  <span className="visually-hidden">{t('networks.agreement.diff_added')} </span>
                  {part.text}
                </ins>
              );
            if (part.change === 'removed')
              return (
                <del key={key}>
                  <span className="visually-hidden">{t('networks.agreement.diff_removed')} </span>
                  {part.text}
                </del>
              );
            if (part.change === 'skipped')
              return (
                <span key={key} className="muted">
                  …{'\n'}
                </span>
              );
            return <span key={key}>{part.text}</span>;
          })}
        </pre>
      ) : (
        <p className="muted">{t('networks.agreement.no_text_changes')}</p>
      )}
    </section>
  );
}

/**
 * Why the member is held at the agreement: a newcomer is welcomed; a member who accepted an
 * earlier version learns that it changed.
 */
export function AgreementGate({ network, returning }: { network: string; returning: boolean }) {
  const { t } = useTranslation();
  return returning ? (
    <Alert tone="info">
      <strong>{t('networks.agreement.changed_title')}</strong>{' '}
      {t('networks.agreement.changed_body', { network })}
    </Alert>
  ) : (
    <Alert tone="info">
      <strong>{t('networks.agreement.gate_title')}</strong> {t('networks.agreement.gate_body', { network })}
    </Alert>
  );
}
