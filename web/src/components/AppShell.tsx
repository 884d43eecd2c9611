import { useMutation } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate, useSearchParams } from 'react-router';
import { lazyPage } from '../app/lazy-page.ts';
import { clearOfflineCache } from '../app/offline-cache.ts';
import { signOut, useMe } from '../features/auth/api.ts';
import { useSignInNotice } from '../features/auth/sign-in-notice.ts';
import { useUnreadMessages } from '../features/messages/api.ts';
import { useUnreadNotifications } from '../features/notifications/api.ts';
import { restartTour } from '../features/tour/api.ts';
import { useSecondFactorGate } from '../features/users/api.ts';
import { COUNT_BADGE_MAX, CountBadge } from './CountBadge.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { LanguagePicker, TranslationNote } from './LanguagePicker.tsx';
import { Loading } from './Loading.tsx';
import { NavMenu } from './NavMenu.tsx';
import { OfflineBar } from './OfflineBar.tsx';

// The socket and its cache handlers load after the page: nothing on screen waits for them.
const RealtimeBridge = lazy(() => import('../app/RealtimeBridge.tsx'));
// Asks a signed-in person to accept a new privacy notice or terms of use (with the pages' texts).
const LegalGate = lazyPage(() => import('../features/legal/LegalGate.tsx'));
// Says that signing in cancelled the deletion of the account.
const DeletionCancelledNotice = lazyPage(() => import('../features/users/DeletionCancelledNotice.tsx'));
// Takes the place of every page while the platform requires a second factor the person lacks.
const SecondFactorGate = lazyPage(() => import('../features/users/SecondFactorGate.tsx'));

/** Header with navigation, the page, and a footer. Navigation lists only sections that exist. */
export function AppShell() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const signInNotice = useSignInNotice();
  const secondFactorRequired = useSecondFactorGate(Boolean(me)).data === true;
  const unreadMessages = useUnreadMessages(Boolean(me)).data?.total ?? 0;
  const unreadNotifications = useUnreadNotifications(Boolean(me)).data?.unreadCount ?? 0;
  const inNetwork = /^\/networks\/[^/]+/.test(useLocation().pathname);
  const signOutMutation = useMutation({
    mutationFn: signOut,
    onSettled: async () => {
      // Nothing read or written stays on the device for offline use either.
      await clearOfflineCache();
      // A fresh load of the landing page: nothing of the user stays in the tab's memory (a shared
      // phone), and no guarded page sees the signed-out state on its way out (it would send the
      // visitor to the sign-in page instead).
      window.location.assign('/');
    },
  });

  return (
    <div className="shell">
      {me && (
        <Suspense fallback={null}>
          <RealtimeBridge userId={me.id} />
        </Suspense>
      )}
      <a className="skip-link" href="#main">
        {t('common.skip_to_content')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to={me ? '/home' : '/'} className="brand">
            <img src="/icons/favicon.svg" alt="" width="28" height="28" />
            <span>mentorNET</span>
          </Link>
          <LanguagePicker />
          {me && <SearchField />}
          <nav className="site-nav" aria-label={t('nav.main')}>
            <ul className={me ? undefined : 'site-nav-guest'}>
              {me ? (
                <>
                  <li>
                    <NavLink to="/home">{t('nav.home')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/networks" end>
                      {t('nav.networks')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/messages">
                      {t('nav.messages')}
                      <CountBadge
                        count={unreadMessages}
                        label={
                          unreadMessages > COUNT_BADGE_MAX
                            ? t('nav.unread_messages_many', { count: COUNT_BADGE_MAX })
                            : t('nav.unread_messages', { count: unreadMessages })
                        }
                      />
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/notifications">
                      <svg className="bell" aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
                        <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4l2-2zM10 20a2 2 0 0 0 4 0" />
                      </svg>
                      <span className="nav-text">{t('nav.notifications')}</span>
                      <CountBadge
                        count={unreadNotifications}
                        label={
                          unreadNotifications > COUNT_BADGE_MAX
                            ? t('nav.notifications_many', { count: COUNT_BADGE_MAX })
                            : t('nav.notifications_count', { count: unreadNotifications })
                        }
                      />
                    </NavLink>
                  </li>
                  <li>
                    <NavMenu
                      label={t('nav.more')}
                      items={[
                        { to: '/profile', label: t('nav.profile') },
                        { to: '/log', label: t('nav.my_log') },
                        { to: '/account', label: t('nav.account') },
                        // In a network: its first-run tour once more.
                        ...(inNetwork ? [{ label: t('nav.tour_again'), onSelect: restartTour }] : []),
                        { label: t('nav.sign_out'), onSelect: () => signOutMutation.mutate() },
                      ]}
                    />
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/networks" end>
                      {t('nav.networks')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/directory">{t('nav.directory')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/signin">{t('nav.sign_in')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/signup">{t('nav.sign_up')}</NavLink>
                  </li>
                </>
              )}
            </ul>
          </nav>
        </div>
      </header>
      <TranslationNote />
      <OfflineBar />
      <main id="main" className="site-main" tabIndex={-1}>
        <ErrorBoundary>
          {me && (
            <Suspense fallback={null}>
              <LegalGate />
            </Suspense>
          )}
          {me && signInNotice === 'deletion_cancelled' && (
            <Suspense fallback={null}>
              <DeletionCancelledNotice />
            </Suspense>
          )}
          <Suspense fallback={<Loading />}>
            {secondFactorRequired ? <SecondFactorGate /> : <Outlet />}
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="site-footer">
        <nav aria-label={t('nav.legal')}>
          <ul className="footer-links">
            <li>
              <Link to="/privacy">{t('nav.privacy_notice')}</Link>
            </li>
            <li>
              <Link to="/terms">{t('nav.terms_of_use')}</Link>
            </li>
          </ul>
        </nav>
        <p>{t('common.footer')}</p>
      </footer>
    </div>
  );
}

/** Search from every page: sends the words to the search page. */
function SearchField() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const current = location.pathname === '/search' ? (params.get('q') ?? '') : '';
  return (
    <search className="site-search">
      <form
        key={current}
        onSubmit={(event) => {
          event.preventDefault();
          const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
          if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
        }}
      >
        <label htmlFor="site-search" className="visually-hidden">
          {t('search.field_label')}
        </label>
        <input
          id="site-search"
          name="q"
          type="search"
          defaultValue={current}
          placeholder={t('search.placeholder')}
          maxLength={200}
        />
      </form>
    </search>
  );
}
