import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type {
  DriftingMember,
  HealthWarning,
  HealthWeek,
  NetworkHealth,
} from '../../../../common/contracts/network-health.ts';
import type { HealthWarningCode } from '../../../../common/network-health.ts';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { formatNumber } from '../../lib/format.ts';
import { isolate } from '../../lib/isolate.tsx';
import { openDirect } from '../messages/api.ts';
import { calendarDay } from '../mooc/calendar-day.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { useNetworkHealth } from './api.ts';
import { HealthSettingsForm } from './HealthSettingsForm.tsx';
import { type ChartSeries, WeeklyChart } from './WeeklyChart.tsx';

const SPANS = [4, 12, 26] as const;

/** Each warning's sentence and the label of its suggested action. */
const WARNING_KEYS: Record<HealthWarningCode, { text: string; action: string }> = {
  activity_falling: {
    text: 'health.warning.activity_falling.text',
    action: 'health.warning.activity_falling.action',
  },
  requests_unanswered: {
    text: 'health.warning.requests_unanswered.text',
    action: 'health.warning.requests_unanswered.action',
  },
  no_recent_event: {
    text: 'health.warning.no_recent_event.text',
    action: 'health.warning.no_recent_event.action',
  },
  meta_mentor_inactive: {
    text: 'health.warning.meta_mentor_inactive.text',
    action: 'health.warning.meta_mentor_inactive.action',
  },
  single_meta_mentor: {
    text: 'health.warning.single_meta_mentor.text',
    action: 'health.warning.single_meta_mentor.action',
  },
  agreement_not_accepted: {
    text: 'health.warning.agreement_not_accepted.text',
    action: 'health.warning.agreement_not_accepted.action',
  },
  goal_overdue: { text: 'health.warning.goal_overdue.text', action: 'health.warning.goal_overdue.action' },
};

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
  const percent = (n: number) =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(n / 100);
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
          <ul className="rows">
            {health.drifting.map((m) => (
              <DriftingRow key={m.id} member={m} slug={slug} />
            ))}
          </ul>
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

function WarningRow({ warning }: { warning: HealthWarning }) {
  const { t } = useTranslation();
  const params = {
    count: warning.count ?? 0,
    name: isolate(warning.subject ?? ''),
    title: isolate(warning.subject ?? ''),
  };
  return (
    <li className="row health-warning">
      <p>
        <span aria-hidden="true">⚠ </span>
        {t(WARNING_KEYS[warning.code].text, params)}
      </p>
      <p>
        {t('health.warning.suggested')}{' '}
        <Link to={warning.actionPath}>{t(WARNING_KEYS[warning.code].action)}</Link>
      </p>
    </li>
  );
}

function DriftingRow({ member, slug }: { member: DriftingMember; slug: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useMutation({
    mutationFn: () => openDirect(member.id),
    onSuccess: (conversation) => navigate(`/messages/${conversation.id}`),
  });
  return (
    <li className="row">
      <div>
        <Link to={`/networks/${slug}/directory/${member.id}`}>
          <UserText>{member.displayName}</UserText>
        </Link>
        <p className="small muted">
          {t('health.drifting.last_active', { date: calendarDay(member.lastActiveOn) })}
        </p>
      </div>
      <span>
        <Button
          variant="secondary"
          pending={open.isPending}
          onClick={() => open.mutate()}
          aria-label={t('health.drifting.note_to', { name: isolate(member.displayName) })}
        >
          {t('health.drifting.note')}
        </Button>
        {open.isError && (
          <span role="alert" className="field-error small">
            {open.error.message}
          </span>
        )}
      </span>
    </li>
  );
}

function GoalsSection({ health }: { health: NetworkHealth }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="stack" aria-labelledby="health-goals">
      <h2 id="health-goals">{t('health.goals.heading')}</h2>
      {health.goals.length === 0 ? (
        <p className="empty">{t('health.goals.none')}</p>
      ) : (
        <ul className="rows">
          {health.goals.map((g) => (
            <li key={g.id} className="row">
              <div>
                <UserText>{g.title}</UserText>
                <p className="small muted">
                  {g.percent !== null &&
                    t('health.goals.progress', { percent: formatNumber(g.percent, i18n.language, 0) })}{' '}
                  {g.dueOn && t('health.goals.due', { date: calendarDay(g.dueOn) })}{' '}
                  {g.overdue && <strong>{t('health.goals.overdue')}</strong>}
                </p>
              </div>
              {g.percent !== null && (
                <progress
                  max={100}
                  value={g.percent}
                  aria-label={t('health.goals.progress_of', { title: isolate(g.title) })}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function EventsSection({ health }: { health: NetworkHealth }) {
  const { t } = useTranslation();
  const network = useCurrentNetwork();
  return (
    <section className="stack" aria-labelledby="health-events">
      <h2 id="health-events">{t('health.events.heading')}</h2>
      {health.upcomingEvents.length === 0 ? (
        <p className="empty">{t('health.events.none')}</p>
      ) : (
        <ul className="rows">
          {health.upcomingEvents.map((e) => (
            <li key={e.id} className="row">
              <Link to={`/networks/${network.slug}/events/${e.id}`}>
                <UserText>{e.title}</UserText>
              </Link>
              <span className="small muted">
                {e.recurring
                  ? t('health.events.series')
                  : t('health.events.at', { date: new Date(e.startsAt) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
