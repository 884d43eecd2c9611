import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { eventKeys, renewCalendarFeed, useCalendarFeed } from './api.ts';

/** In the account: the secret address of my calendar feed, to copy, and to renew if it leaked. */
export function CalendarFeedSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const feed = useCalendarFeed();
  const [copied, setCopied] = useState(false);
  const renew = useMutation({
    mutationFn: renewCalendarFeed,
    onSuccess: (next) => {
      setCopied(false);
      queryClient.setQueryData(eventKeys.feed, next);
    },
  });
  return (
    <section className="card stack" aria-labelledby="calendar-feed-heading">
      <h2 id="calendar-feed-heading">{t('events.feed_title')}</h2>
      <p className="muted">{t('events.feed_intro')}</p>
      {feed.isPending && <Loading />}
      {feed.isError && <QueryError error={feed.error} onRetry={() => void feed.refetch()} />}
      {feed.data && (
        <>
          <input
            className="feed-url"
            readOnly
            dir="ltr"
            aria-label={t('events.feed_title')}
            value={feed.data.url}
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="actions">
            <Button
              variant="secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(feed.data.url).then(() => setCopied(true));
              }}
            >
              {t('events.feed_copy')}
            </Button>
            <Button variant="quiet" pending={renew.isPending} onClick={() => renew.mutate()}>
              {t('events.feed_renew')}
            </Button>
          </div>
          <div aria-live="polite">
            {copied && <Alert tone="success">{t('events.feed_copied')}</Alert>}
            {renew.isSuccess && <Alert tone="success">{t('events.feed_renewed')}</Alert>}
          </div>
        </>
      )}
    </section>
  );
}
