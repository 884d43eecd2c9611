import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressionSuggestion, SuccessionCandidate } from '../../../../common/contracts/progression.ts';
import type { ProgressionReason, ProgressionStep } from '../../../../common/progression.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { roleLabel } from '../../lib/labels.ts';
import { can } from '../networks/api.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import {
  decideSuggestion,
  nameDeputy,
  progressionKeys,
  useNudges,
  useSuccession,
  useSuggestions,
} from './api.ts';

const STEP_KEYS = {
  experienced: 'progression.step_experienced',
  meta_mentor_candidate: 'progression.step_meta_mentor_candidate',
} as const satisfies Record<ProgressionStep, string>;

const REASON_KEYS = {
  time_in_network: 'progression.reason.time_in_network',
  long_standing: 'progression.reason.long_standing',
  help_given: 'progression.reason.help_given',
  events_attended: 'progression.reason.events_attended',
  buddy_completed: 'progression.reason.buddy_completed',
  buddies_mentored: 'progression.reason.buddies_mentored',
  mooc_completed: 'progression.reason.mooc_completed',
  recently_active: 'progression.reason.recently_active',
  experienced: 'progression.reason.experienced',
  office_role: 'progression.reason.office_role',
  co_meta_mentor: 'progression.reason.co_meta_mentor',
  candidate_confirmed: 'progression.reason.candidate_confirmed',
} as const satisfies Record<ProgressionReason, string>;

function Reasons({ reasons, t }: { reasons: ProgressionReason[]; t: TFunction }) {
  return (
    <ul className="small muted" aria-label={t('progression.reasons_label')}>
      {reasons.map((r) => (
        <li key={r}>{t(REASON_KEYS[r])}</li>
      ))}
    </ul>
  );
}

/** How the nudge log names each kind. */
const NUDGE_LABELS = {
  reengagement: 'progression.nudge_reengagement',
  missed: 'progression.nudge_missed',
  help_wanted: 'progression.nudge_help_wanted',
  upcoming_events: 'progression.nudge_upcoming_events',
} as const;

/** One suggested next step with its reasons, and (for the meta-mentor) confirm and dismiss. */
export function SuggestionRow({
  suggestion: s,
  mayDecide,
  onDecide,
}: {
  suggestion: ProgressionSuggestion;
  mayDecide: boolean;
  onDecide: (kind: 'confirmed' | 'dismissed') => void;
}) {
  const { t } = useTranslation();
  return (
    <li className="row">
      <div className="row-main">
        <UserText as="p">{s.displayName}</UserText>
        <p className="small">{t('progression.suggested_for', { step: t(STEP_KEYS[s.step]) })}</p>
        <Reasons reasons={s.reasons} t={t} />
      </div>
      {mayDecide && (
        <div className="row-actions">
          <Button onClick={() => onDecide('confirmed')}>{t('progression.confirm')}</Button>
          <Button variant="secondary" onClick={() => onDecide('dismissed')}>
            {t('progression.dismiss')}
          </Button>
        </div>
      )}
    </li>
  );
}

type Pending =
  | { kind: 'confirmed' | 'dismissed'; suggestion: ProgressionSuggestion }
  | { kind: 'deputy'; candidate: SuccessionCandidate };

/** Progression and succession (B5) with the nudge log (D2), for the meta-mentor and office. */
export default function ProgressionPage() {
  const network = useCurrentNetwork();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mayDecide = can(network, 'progression.decide');
  const suggestions = useSuggestions(network.slug);
  const succession = useSuccession(network.slug);
  const nudges = useNudges(network.slug);
  const [pending, setPending] = useState<Pending | null>(null);
  const act = useMutation({
    mutationFn: (p: Pending) =>
      p.kind === 'deputy'
        ? nameDeputy(network.slug, p.candidate.userId)
        : decideSuggestion(network.slug, p.suggestion.userId, p.suggestion.step, { decision: p.kind }),
    onSuccess: async () => {
      setPending(null);
      await queryClient.invalidateQueries({ queryKey: progressionKeys.all(network.slug) });
    },
  });

  const question = (p: Pending) => {
    if (p.kind === 'deputy') return t('progression.name_deputy_question', { name: p.candidate.displayName });
    const args = { name: p.suggestion.displayName, step: t(STEP_KEYS[p.suggestion.step]) };
    return p.kind === 'confirmed'
      ? t('progression.confirm_question', args)
      : t('progression.dismiss_question', args);
  };

  return (
    <div className="page stack">
      <PageHeading title={t('progression.title')} />
      {act.isSuccess && <Alert tone="success">{t('progression.done')}</Alert>}

      <section className="stack" aria-labelledby="progression-suggestions">
        <h2 id="progression-suggestions">{t('progression.suggestions_heading')}</h2>
        {suggestions.isPending && <Loading />}
        {suggestions.isError && (
          <QueryError error={suggestions.error} onRetry={() => void suggestions.refetch()} />
        )}
        {suggestions.data?.suggestions.length === 0 && (
          <p className="empty">{t('progression.suggestions_empty')}</p>
        )}
        {suggestions.data && suggestions.data.suggestions.length > 0 && (
          <ul className="rows">
            {suggestions.data.suggestions.map((s) => (
              <SuggestionRow
                key={`${s.userId}:${s.step}`}
                suggestion={s}
                mayDecide={mayDecide}
                onDecide={(kind) => setPending({ kind, suggestion: s })}
              />
            ))}
          </ul>
        )}
      </section>

      <section className="stack" aria-labelledby="progression-succession">
        <h2 id="progression-succession">{t('progression.succession_heading')}</h2>
        {succession.isPending && <Loading />}
        {succession.isError && (
          <QueryError error={succession.error} onRetry={() => void succession.refetch()} />
        )}
        {succession.data && (
          <p>
            {succession.data.deputy ? (
              t('progression.deputy_current', { name: succession.data.deputy.displayName })
            ) : (
              <strong>{t('progression.deputy_none')}</strong>
            )}
          </p>
        )}
        {succession.data?.candidates.length === 0 && (
          <p className="empty">{t('progression.succession_empty')}</p>
        )}
        {succession.data && succession.data.candidates.length > 0 && (
          <ol className="rows">
            {succession.data.candidates.map((c) => (
              <li key={c.userId} className="row">
                <div className="row-main">
                  <p>
                    <UserText>{c.displayName}</UserText> ·{' '}
                    <span className="small">{roleLabel(t, c.role)}</span>
                    {c.isDeputy && <strong className="small"> · {t('progression.is_deputy')}</strong>}
                  </p>
                  <p className="small muted">{t('progression.score', { score: c.score })}</p>
                  <Reasons reasons={c.reasons} t={t} />
                </div>
                {mayDecide && !c.isDeputy && (
                  <div className="row-actions">
                    <Button variant="secondary" onClick={() => setPending({ kind: 'deputy', candidate: c })}>
                      {t('progression.name_deputy')}
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="stack" aria-labelledby="progression-nudges">
        <h2 id="progression-nudges">{t('progression.nudges_heading')}</h2>
        {nudges.isPending && <Loading />}
        {nudges.isError && <QueryError error={nudges.error} onRetry={() => void nudges.refetch()} />}
        {nudges.data?.nudges.length === 0 && <p className="empty">{t('progression.nudges_empty')}</p>}
        {nudges.data && nudges.data.nudges.length > 0 && (
          <ol className="rows timeline">
            {nudges.data.nudges.map((n) => (
              <li key={n.id} className="row">
                <div className="row-main">
                  <p>
                    {t('progression.nudge_line', {
                      kind: t(NUDGE_LABELS[n.kind]),
                      name: n.displayName,
                    })}
                  </p>
                </div>
                <time className="muted small" dateTime={n.sentAt}>
                  {t('networks.audit.when', { when: new Date(n.sentAt) })}
                </time>
              </li>
            ))}
          </ol>
        )}
      </section>

      <ConfirmDialog
        open={pending !== null}
        message={pending ? question(pending) : ''}
        confirmLabel={
          pending?.kind === 'dismissed'
            ? t('progression.dismiss')
            : pending?.kind === 'deputy'
              ? t('progression.name_deputy')
              : t('progression.confirm')
        }
        tone={pending?.kind === 'dismissed' ? 'danger' : 'primary'}
        pending={act.isPending}
        onConfirm={() => pending && act.mutate(pending)}
        onCancel={() => {
          // The dialog also reports its closing after a confirmed decision: keep "Saved." then.
          if (pending === null) return;
          setPending(null);
          act.reset();
        }}
      >
        {act.isError && <Alert tone="error">{act.error.message}</Alert>}
      </ConfirmDialog>
    </div>
  );
}
