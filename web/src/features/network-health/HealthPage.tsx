import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthWeek, NetworkHealth } from '../../../../common/contracts/network-health.ts';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { useMoreDrifting, useNetworkHealth } from './api.ts';
import { DriftingRow } from './DriftingRow.tsx';
import { EventsSection, GoalsSection } from './HealthSections.tsx';
import { HealthSettingsForm } from './HealthSettingsForm.tsx';
import { WarningRow } from './HealthWarnings.tsx';
import { type ChartSeries, WeeklyChart } from './WeeklyChart.tsx';

const SPANS = [4, 12, 26] as const;

/**
 * A network's health for its staff: figures of now, early warnings with what to do, members
 * drifting away (a personal note is one click), and week-by-week charts with tables. A mentor
 * who opens it sees the network's goals and coming events.
 */
export default function HealthPage() {
  const network = useCurrentNetwork();
  const { t } = useTranslation();
  const [weeks, setWeeks] = useState<number>(12);
  const health = useNetworkHealth(network.slug, weeks);

  return (
    <div className="page stack">
      <PageHeading title={t('health.title')} />
      {health.isPending && <Loading />}
      {health.isError && <QueryError error={health.error} onRetry={() => void health.refetch()} />}
      {health.data && !health.data.full && <PublicPart health={health.data} />}
      {health.data?.full && (
        <>
          <p className="muted">{t('health.intro')}</p>
          <fieldset className="segmented">
            <legend className="visually-hidden">{t('health.span.label')}</legend>
            {SPANS.map((n) => (
              <Button
                key={n}
                variant={weeks === n ? 'primary' : 'secondary'}
                aria-pressed={weeks === n}
                onClick={() => setWeeks(n)}
              >
                {t('health.span.weeks', { count: n })}
              </Button>
            ))}
          </fieldset>
          <StaffPart health={health.data} slug={network.slug} />
        </>
      )}
    </div>
  );
}

function PublicPart({ health }: { health: NetworkHealth }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">{t('health.public_intro')}</p>
      <GoalsSection health={health} />
      <EventsSection health={health} />
    </>
  );
}

function StaffPart({ health, slug }: { health: NetworkHealth; slug: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const current = health.current;
  const latest = health.weeks[health.weeks.length - 1];
  const percent = (n: number) => formatPercent(n, locale);
  const figures: [string, string][] = current
    ? [
        [t('health.now.members'), formatNumber(current.members, locale)],
        [t('health.now.active7'), formatNumber(latest?.active7 ?? 0, locale)],
        [t('health.now.active30'), formatNumber(latest?.active30 ?? 0, locale)],
        [t('health.now.unanswered'), formatNumber(current.unansweredOverThreshold, locale)],
        [t('health.now.agreement'), percent(current.agreementPercent)],
        [t('health.now.buddies'), formatNumber(current.buddiesPaired, locale)],
        [t('health.now.drifting'), formatNumber(current.drifting, locale)],
        [t('health.now.meta_mentors'), formatNumber(current.metaMentors, locale)],
      ]
    : [];
  const hours = (minutes: number, loc: string) => formatNumber(minutes / 60, loc, 1);
  const charts: { title: string; series: ChartSeries[]; format?: (n: number, l: string) => string }[] = [
    {
      title: t('health.chart.active'),
      series: [
        { label: t('health.series.active7'), value: (w) => w.active7 },
        { label: t('health.series.active30'), value: (w) => w.active30 },
      ],
    },
    {
      title: t('health.chart.joining'),
      series: [
        { label: t('health.series.new_members'), value: (w) => w.newMembers },
        { label: t('health.series.leavers'), value: (w) => w.leavers },
      ],
    },
    {
      title: t('health.chart.talk'),
      series: [
        { label: t('health.series.discussions'), value: (w) => w.discussions },
        { label: t('health.series.replies'), value: (w) => w.replies },
        { label: t('health.series.messages'), value: (w) => w.messages },
      ],
    },
    {
      title: t('health.chart.help'),
      series: [
        { label: t('health.series.help_opened'), value: (w) => w.helpOpened },
        { label: t('health.series.help_answered'), value: (w) => w.helpAnswered },
        { label: t('health.series.help_resolved'), value: (w) => w.helpResolved },
      ],
    },
    {
      title: t('health.chart.answer_time'),
      series: [
        { label: t('health.series.median_hours'), value: (w: HealthWeek) => w.medianFirstAnswerMinutes },
      ],
      format: hours,
    },
    {
      title: t('health.chart.events'),
      series: [
        { label: t('health.series.events_held'), value: (w) => w.eventsHeld },
        { label: t('health.series.attendance'), value: (w) => w.attendance },
      ],
    },
  ];
  const quiet = health.weeks.every((w) => w.active30 === 0 && w.messages === 0 && w.discussions === 0);

  return (
    <>
      <p className="small muted">
        {health.rolledAt
          ? t('health.updated', { date: new Date(health.rolledAt) })
          : t('health.not_rolled_yet')}
      </p>
      <section className="stack" aria-labelledby="health-now">
        <h2 id="health-now">{t('health.now.heading')}</h2>
        <dl className="health-figures">
          {figures.map(([label, value]) => (
            <div key={label}>
              <dt className="health-figure-label">{label}</dt>
              <dd className="health-figure-value">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="stack" aria-labelledby="health-warnings">
        <h2 id="health-warnings">{t('health.warnings.heading')}</h2>
        {health.warnings.length === 0 ? (
          <p className="empty">{t('health.warnings.none')}</p>
        ) : (
          <ul className="rows health-warnings">
            {health.warnings.map((w) => (
              <WarningRow key={`${w.code}-${w.subject ?? ''}`} warning={w} />
            ))}
          </ul>
        )}
      </section>
      <section className="stack" aria-labelledby="health-drifting">
        <h2 id="health-drifting">{t('health.drifting.heading')}</h2>
        <p className="muted small">{t('health.drifting.intro')}</p>
        {health.drifting.length === 0 ? (
          <p className="empty">{t('health.drifting.none')}</p>
        ) : (
          <DriftingList health={health} slug={slug} />
        )}
      </section>
      <section className="stack" aria-labelledby="health-weeks">
        <h2 id="health-weeks">{t('health.chart.heading')}</h2>
        {quiet && <p className="empty">{t('health.empty')}</p>}
        <div className="health-charts">
          {charts.map((c) => (
            <WeeklyChart
              key={c.title}
              title={c.title}
              weeks={health.weeks}
              series={c.series}
              format={c.format}
            />
          ))}
        </div>
      </section>
      <GoalsSection health={health} />
      <EventsSection health={health} />
      {health.settings && <HealthSettingsForm slug={slug} settings={health.settings} />}
    </>
  );
}

/** The dashboard's first drifting members, then more on request (each page once, in order). */
export function DriftingList({ health, slug }: { health: NetworkHealth; slug: string }) {
  const { t } = useTranslation();
  const [asked, setAsked] = useState(false);
  const more = useMoreDrifting(slug, health.driftingNextCursor, asked);
  const members = [...health.drifting, ...(more.data?.pages.flatMap((p) => p.members) ?? [])];
  const hasMore = asked ? more.hasNextPage : health.driftingNextCursor !== null;
  return (
    <>
      <ul className="rows">
        {members.map((m) => (
          <DriftingRow key={m.id} member={m} slug={slug} />
        ))}
      </ul>
      {more.isError && <QueryError error={more.error} onRetry={() => void more.refetch()} />}
      {hasMore && (
        <div>
          <Button
            variant="secondary"
            pending={more.isFetching}
            onClick={() => (asked ? void more.fetchNextPage() : setAsked(true))}
          >
            {t('common.load_more')}
          </Button>
        </div>
      )}
    </>
  );
}
