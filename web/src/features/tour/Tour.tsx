import { type SyntheticEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Network } from '../../../../common/contracts/networks.ts';
import type { NetworkAction } from '../../../../common/permissions.ts';
import { Button } from '../../components/Button.tsx';
import { UserText } from '../../components/UserText.tsx';

/** What a step points at: a section of the network's navigation, or a page of the site's. */
type Target = { section: string; action: NetworkAction } | { site: string };
interface Step {
  key: string;
  title: string;
  body: string;
  target?: Target;
}

const MENTOR_STEPS: Step[] = [
  {
    key: 'support',
    title: 'tour.support.title',
    body: 'tour.support.body',
    target: { section: 'support', action: 'help.view' },
  },
  {
    key: 'events',
    title: 'tour.events.title',
    body: 'tour.events.body',
    target: { section: 'events', action: 'events.view' },
  },
  {
    key: 'messages',
    title: 'tour.messages.title',
    body: 'tour.messages.body',
    target: { site: '/messages' },
  },
];
const META_MENTOR_STEPS: Step[] = [
  {
    key: 'roadmap',
    title: 'tour.roadmap.title',
    body: 'tour.roadmap.body',
    target: { section: 'roadmap', action: 'roadmap.view' },
  },
  {
    key: 'health',
    title: 'tour.health.title',
    body: 'tour.health.body',
    target: { section: 'health', action: 'health.manage' },
  },
  {
    key: 'invitations',
    title: 'tour.invitations.title',
    body: 'tour.invitations.body',
    target: { section: 'invitations', action: 'invitations.manage' },
  },
];
const OFFICE_STEPS: Step[] = [
  {
    key: 'office',
    title: 'tour.office.title',
    body: 'tour.office.body',
    target: { section: 'office', action: 'office.view' },
  },
  {
    key: 'applications',
    title: 'tour.applications.title',
    body: 'tour.applications.body',
    target: { section: 'applications', action: 'applications.decide' },
  },
  {
    key: 'invitations',
    title: 'tour.invitations.title',
    body: 'tour.invitations.body',
    target: { section: 'invitations', action: 'invitations.manage' },
  },
];

/** The steps for the viewer's role: a welcome, then where the role's everyday work is. */
export function tourSteps(role: Network['viewer']['role']): Step[] {
  const rest = role === 'meta_mentor' ? META_MENTOR_STEPS : role === 'office' ? OFFICE_STEPS : MENTOR_STEPS;
  return [{ key: 'welcome', title: 'tour.welcome.title', body: 'tour.welcome.body' }, ...rest];
}

/** The steps whose entry the viewer has (a section they may not open is not pointed at). */
function stepsFor(network: Network): Step[] {
  return tourSteps(network.viewer.role).filter(
    (s) => !s.target || !('action' in s.target) || network.viewer.permissions.includes(s.target.action),
  );
}

const visible = (node: Element | null): node is HTMLElement =>
  node instanceof HTMLElement && node.offsetParent !== null;

/**
 * The element a step points at: the navigation entry itself, or, where it is folded into the
 * "More" menu (a phone), that menu's button.
 */
function findTarget(network: Network, target: Target | undefined): HTMLElement | null {
  if (!target) return null;
  if ('site' in target) {
    return Array.from(document.querySelectorAll(`.site-nav a[href="${target.site}"]`)).find(visible) ?? null;
  }
  const href = `/networks/${network.slug}/${target.section}`;
  const nav = document.querySelector('nav.tabs');
  if (!nav) return null;
  const link = Array.from(nav.querySelectorAll(`a[href="${href}"]`)).find(visible);
  return link ?? Array.from(nav.querySelectorAll('button[aria-haspopup]')).find(visible) ?? null;
}

/**
 * The first-run tour of a network: a few steps for the viewer's role, each pointing at the real
 * navigation entry (outlined) from a modal dialog: focus stays in it, Escape skips, and each step's
 * title and text are what a screen reader announces. The first step opens with the network's
 * welcome text where its meta-mentors wrote one.
 */
export default function Tour({
  network,
  welcomeText,
  onEnd,
}: {
  network: Network;
  welcomeText: string;
  onEnd: (status: 'done' | 'skipped') => void;
}) {
  const { t } = useTranslation();
  const steps = stepsFor(network);
  const [index, setIndex] = useState(0);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const step = steps[index] ?? steps[0];
  const last = index === steps.length - 1;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // Each step outlines its entry and takes focus to its title (read out with the text).
  useEffect(() => {
    const target = findTarget(network, step?.target);
    target?.setAttribute('data-tour-target', '');
    target?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    headingRef.current?.focus();
    return () => target?.removeAttribute('data-tour-target');
  }, [network, step]);

  const end = (status: 'done' | 'skipped') => {
    dialogRef.current?.close();
    onEnd(status);
  };
  const onCancel = (event: SyntheticEvent) => {
    event.preventDefault();
    end('skipped');
  };
  if (!step) return null;
  const folded = step.target && 'section' in step.target && !isEntryShown(network, step.target.section);

  return (
    <dialog
      ref={dialogRef}
      className="dialog tour-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={onCancel}
    >
      <div className="stack">
        <p className="eyebrow" aria-hidden="true">
          {t('tour.progress', { step: index + 1, count: steps.length })}
        </p>
        <h2 id={titleId} ref={headingRef} tabIndex={-1}>
          <span className="visually-hidden">
            {t('tour.progress', { step: index + 1, count: steps.length })}:{' '}
          </span>
          {t(step.title, { network: network.name })}
        </h2>
        <div id={bodyId} className="stack-tight">
          {step.key === 'welcome' && welcomeText && (
            <blockquote className="tour-welcome">
              <UserText>{welcomeText}</UserText>
            </blockquote>
          )}
          <p>{t(step.body)}</p>
          {folded && <p>{t('tour.in_more_menu', { more: t('nav.more') })}</p>}
        </div>
        <div className="actions">
          <Button variant="secondary" onClick={() => end('skipped')}>
            {t('tour.skip')}
          </Button>
          {index > 0 && (
            <Button variant="secondary" onClick={() => setIndex(index - 1)}>
              {t('tour.back')}
            </Button>
          )}
          <Button onClick={() => (last ? end('done') : setIndex(index + 1))}>
            {last ? t('tour.finish') : t('tour.next')}
          </Button>
        </div>
      </div>
    </dialog>
  );
}

/** Whether a section's entry is shown as a tab at this width (else it is under "More"). */
function isEntryShown(network: Network, section: string): boolean {
  const href = `/networks/${network.slug}/${section}`;
  return Array.from(document.querySelectorAll(`nav.tabs > ul > li > a[href="${href}"]`)).some(visible);
}
