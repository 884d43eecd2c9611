import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDay } from '../help/labels.ts';
import { memberKeys, setMyLeave, useMyLeave } from './api.ts';

/** Today and the last day one may be on leave until, as YYYY-MM-DD (the server checks the same, in UTC). */
function dayBounds(now = new Date()) {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { today: day(now), latest: day(new Date(now.getTime() + 366 * 86_400_000)) };
}

/**
 * "On leave until …": while on leave one is not suggested as a helper or buddy, and the directory
 * says so. Set a day, or say one is back.
 */
export function LeaveControl({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const leave = useMyLeave(slug);
  const save = useMutation({
    mutationFn: (until: string | null) => setMyLeave(slug, until),
    onSuccess: (state) => queryClient.setQueryData(memberKeys.leave(slug), state),
  });
  const { today, latest } = dayBounds();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const until = String(new FormData(event.currentTarget).get('until') ?? '');
    if (until) save.mutate(until);
  };
  const until = leave.data?.leaveUntil ?? null;
  return (
    <section className="stack" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('leave.title')}</h3>
      {leave.isPending && <Loading />}
      {leave.isError && <QueryError error={leave.error} onRetry={() => void leave.refetch()} />}
      {leave.isSuccess &&
        (until ? (
          <div className="stack-tight">
            <p>
              <span className="badge badge-warn">
                {t('leave.status', { date: formatDay(until, i18n.language) })}
              </span>
            </p>
            <p className="muted small">{t('leave.while')}</p>
            <div>
              <Button variant="secondary" pending={save.isPending} onClick={() => save.mutate(null)}>
                {t('leave.back')}
              </Button>
            </div>
          </div>
        ) : (
          <form className="stack-tight" onSubmit={onSubmit}>
            <p className="muted small">{t('leave.intro')}</p>
            <TextField
              name="until"
              type="date"
              label={t('leave.until_label')}
              min={today}
              max={latest}
              required
            />
            <div>
              <Button type="submit" pending={save.isPending}>
                {t('leave.save')}
              </Button>
            </div>
          </form>
        ))}
      {save.isError && <Alert tone="error">{save.error.message}</Alert>}
    </section>
  );
}
