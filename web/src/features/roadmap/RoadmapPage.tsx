import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Roadmap, RoadmapStep } from '../../../../common/contracts/roadmap.ts';
import {
  NETWORK_PHASES,
  type NetworkPhase,
  nextPhase,
  type RoadmapStepId,
} from '../../../../common/roadmap.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { calendarDay } from '../mooc/calendar-day.ts';
import { can } from '../networks/api.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { changePhase, roadmapKeys, untickStep, useRoadmap } from './api.ts';
import { TickStepDialog } from './TickStepDialog.tsx';

/** The roadmap guide: the network's phase as a stepper and a checklist of steps per phase. */
export default function RoadmapPage() {
  const network = useCurrentNetwork();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roadmap = useRoadmap(network.slug);
  const mayManage = can(network, 'roadmap.manage');
  const [ticking, setTicking] = useState<RoadmapStep | null>(null);
  const [moving, setMoving] = useState(false);
  const [moved, setMoved] = useState(false);
  const store = (data: Roadmap) => queryClient.setQueryData(roadmapKeys.detail(network.slug), data);

  const untick = useMutation({
    mutationFn: (step: RoadmapStepId) => untickStep(network.slug, step),
    onSuccess: store,
  });
  const next = roadmap.data ? nextPhase(roadmap.data.phase) : null;
  const move = useMutation({
    mutationFn: () => changePhase(network.slug, next ?? 'growth'),
    onSuccess: (data) => {
      store(data);
      setMoving(false);
      setMoved(true);
    },
  });

  if (roadmap.isPending) return <Loading />;
  if (roadmap.isError) return <QueryError error={roadmap.error} onRetry={() => void roadmap.refetch()} />;
  // Titles and explanations come from the UI's own catalogue by their stable ids, so they follow a
  // language switch at once (the server translates by the account's language, saved a moment later).
  const r = roadmap.data;
  const title = (id: NetworkPhase) => t(`roadmap.phases.${id}.title`);
  const stepTitle = (s: RoadmapStep) =>
    t(`roadmap.steps.${s.id}.title`, { target: r.activeMembers.target, days: r.activeMembers.days });

  return (
    <div className="page stack">
      <PageHeading title={t('roadmap.title')} />
      <p className="muted">{t('roadmap.intro')}</p>
      <nav aria-label={t('roadmap.phases_label')}>
        <ol className="stepper">
          {r.phases.map((p, i) => (
            <li
              key={p.id}
              className={
                p.current ? 'step-current' : i < NETWORK_PHASES.indexOf(r.phase) ? 'step-past' : undefined
              }
              aria-current={p.current ? 'step' : undefined}
            >
              <a href={`#phase-${p.id}`}>
                <span className="step-number" aria-hidden="true">
                  {i < NETWORK_PHASES.indexOf(r.phase) ? '✓' : i + 1}
                </span>
                <span>{title(p.id)}</span>
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <p>
        {t('roadmap.current', { phase: title(r.phase) })}
        {r.phaseChangedAt && ` ${t('roadmap.since', { date: new Date(r.phaseChangedAt) })}`}
      </p>
      {moved && <Alert tone="success">{t('roadmap.moved', { phase: title(r.phase) })}</Alert>}
      {r.suggestedPhase && (
        <div className="card suggestion stack" role="status">
          <p className="strong">
            {t('roadmap.suggestion', { phase: title(r.phase), next: title(r.suggestedPhase) })}
          </p>
          {mayManage && (
            <div>
              <Button onClick={() => setMoving(true)}>
                {t('roadmap.move', { phase: title(r.suggestedPhase) })}
              </Button>
            </div>
          )}
        </div>
      )}
      {mayManage && next && !r.suggestedPhase && (
        <div>
          <Button variant="secondary" onClick={() => setMoving(true)}>
            {t('roadmap.move', { phase: title(next) })}
          </Button>
        </div>
      )}
      {untick.isError && <Alert tone="error">{untick.error.message}</Alert>}

      {r.phases.map((p) => (
        <section
          key={p.id}
          id={`phase-${p.id}`}
          className={p.current ? 'card stack phase phase-current' : 'card stack phase'}
          aria-labelledby={`phase-${p.id}-title`}
        >
          <h2 id={`phase-${p.id}-title`}>
            {title(p.id)}
            {p.current && <span className="badge badge-ok">{t('roadmap.current_badge')}</span>}
            {p.complete && !p.current && <span className="badge">{t('roadmap.complete_badge')}</span>}
          </h2>
          <p className="muted">{t(`roadmap.phases.${p.id}.summary`)}</p>
          <ul className="checklist">
            {p.steps.map((s) => (
              <li key={s.id} className={s.done ? 'check-item check-done' : 'check-item'}>
                <span className="check-mark" aria-hidden="true">
                  {s.done ? '✓' : ''}
                </span>
                <div className="row-main">
                  <p className="strong">
                    {stepTitle(s)}
                    <span className="visually-hidden">
                      {' '}
                      ({s.done ? t('roadmap.done') : t('roadmap.open')})
                    </span>
                  </p>
                  <p className="small muted">{t(`roadmap.steps.${s.id}.help`)}</p>
                  <StepState step={s} />
                </div>
                {mayManage && s.kind === 'manual' && (
                  <div className="row-actions">
                    {s.done ? (
                      <Button
                        variant="secondary"
                        pending={untick.isPending && untick.variables === s.id}
                        aria-label={t('roadmap.untick_named', { step: stepTitle(s) })}
                        onClick={() => untick.mutate(s.id)}
                      >
                        {t('roadmap.untick')}
                      </Button>
                    ) : (
                      <Button
                        variant="secondary"
                        aria-label={t('roadmap.tick_named', { step: stepTitle(s) })}
                        onClick={() => setTicking({ ...s, title: stepTitle(s) })}
                      >
                        {t('roadmap.tick')}
                      </Button>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}

      <TickStepDialog slug={network.slug} step={ticking} onDone={store} onClose={() => setTicking(null)} />
      <ConfirmDialog
        open={moving}
        tone="primary"
        message={t('roadmap.move_confirm', { phase: next ? title(next) : '' })}
        confirmLabel={t('roadmap.move', { phase: next ? title(next) : '' })}
        pending={move.isPending}
        onConfirm={() => move.mutate()}
        onCancel={() => {
          setMoving(false);
          move.reset();
        }}
      >
        {move.isError && <Alert tone="error">{move.error.message}</Alert>}
      </ConfirmDialog>
    </div>
  );
}

/** When and how a step was done, or that it ticks itself. */
function StepState({ step }: { step: RoadmapStep }) {
  const { t } = useTranslation();
  if (!step.done) {
    return (
      <p className="small">{step.kind === 'auto' ? t('roadmap.auto_hint') : t('roadmap.manual_hint')}</p>
    );
  }
  if (step.kind === 'auto') {
    return (
      <p className="small step-when">
        {step.doneAt
          ? t('roadmap.auto_done', { date: new Date(step.doneAt) })
          : t('roadmap.auto_done_undated')}
      </p>
    );
  }
  return (
    <div className="small step-when">
      <p>
        {t('roadmap.manual_done', {
          date: calendarDay(step.doneOn ?? ''),
          name: step.tickedBy?.displayName ?? '—',
        })}
      </p>
      {step.note && (
        <p className="prewrap" dir="auto">
          {step.note}
        </p>
      )}
    </div>
  );
}
