import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MOOC_CSV_MAX_BYTES } from '../../../../common/mooc.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { importGraduates, moocKeys, previewImport } from './api.ts';
import { calendarDay } from './calendar-day.ts';
import { importProblemLabel } from './labels.ts';

/**
 * Graduates from a CSV file: the server checks the file first and every row is listed with its
 * problems; nothing is saved until the user imports the rows without problems.
 */
export function ImportSection({ slug, sessionId }: { slug: string; sessionId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inputId = useId();
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const preview = useMutation({ mutationFn: (f: File) => previewImport(slug, sessionId, f) });
  const run = useMutation({
    mutationFn: (f: File) => importGraduates(slug, sessionId, f),
    onSuccess: () => {
      setFile(null);
      preview.reset();
      if (inputRef.current) inputRef.current.value = '';
      void queryClient.invalidateQueries({ queryKey: moocKeys.all(slug) });
    },
  });

  const choose = (chosen: File | null) => {
    run.reset();
    preview.reset();
    setFile(chosen);
    setTooLarge(Boolean(chosen && chosen.size > MOOC_CSV_MAX_BYTES));
    if (chosen && chosen.size <= MOOC_CSV_MAX_BYTES) preview.mutate(chosen);
  };
  const result = preview.data;
  const notCompleted = result?.rows.filter((r) => r.problems.includes('not_completed')).length ?? 0;

  return (
    <section className="card stack" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('mooc.import.title')}</h2>
      <div className="field">
        <label htmlFor={inputId}>{t('mooc.import.file')}</label>
        <p id={hintId} className="field-hint">
          {t('mooc.import.file_hint')}
        </p>
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          accept=".csv,text/csv,text/plain"
          aria-describedby={hintId}
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
        />
      </div>
      {tooLarge && <Alert tone="error">{t('mooc.import.too_large')}</Alert>}
      {preview.isPending && (
        <p className="loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('mooc.import.checking')}
        </p>
      )}
      {preview.isError && <Alert tone="error">{preview.error.message}</Alert>}
      {run.isSuccess && (
        <Alert tone="success">
          {t('mooc.import.done', { imported: run.data.imported ?? 0, skipped: run.data.invalid })}
        </Alert>
      )}
      {run.isError && <Alert tone="error">{run.error.message}</Alert>}
      {result && file && (
        <div className="stack">
          <p role="status" className="strong">
            {t('mooc.import.summary', { valid: result.valid, invalid: result.invalid })}
          </p>
          {notCompleted > 0 && (
            <p className="small">{t('mooc.import.not_completed', { count: notCompleted })}</p>
          )}
          <p className="muted small">
            {t('mooc.import.columns', {
              name: result.columns.name.join(' + '),
              email: result.columns.email,
            })}
          </p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard */}
          <section className="table-wrap" aria-label={t('mooc.import.preview_label')} tabIndex={0}>
            <table className="table preview-table">
              <caption className="visually-hidden">{t('mooc.import.preview_label')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('mooc.import.line')}</th>
                  <th scope="col">{t('mooc.graduates.name')}</th>
                  <th scope="col">{t('mooc.graduates.email')}</th>
                  <th scope="col">{t('mooc.import.completed')}</th>
                  <th scope="col">{t('mooc.import.check')}</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row) => (
                  <tr key={row.line} className={row.problems.length > 0 ? 'row-problem' : undefined}>
                    <td>{row.line}</td>
                    <th scope="row">{row.name || '—'}</th>
                    <td dir="ltr" className="cell-email">
                      {row.email || '—'}
                    </td>
                    <td>{row.completedOn ? t('mooc.day', { date: calendarDay(row.completedOn) }) : '—'}</td>
                    <td>
                      {row.problems.length === 0 ? (
                        <span className="badge badge-ok">{t('mooc.import.ok')}</span>
                      ) : (
                        row.problems.map((p) => (
                          <span key={p} className="badge badge-danger">
                            {importProblemLabel(t, p)}
                          </span>
                        ))
                      )}
                      {row.warnings.map((w) => (
                        <span key={w} className="badge badge-warn">
                          {importProblemLabel(t, w)}
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <div className="actions">
            <Button pending={run.isPending} disabled={result.valid === 0} onClick={() => run.mutate(file)}>
              {t('mooc.import.run', { count: result.valid })}
            </Button>
            <Button variant="secondary" onClick={() => inputRef.current?.click()}>
              {t('mooc.import.other_file')}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
