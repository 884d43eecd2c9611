import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { meQueryKey, signOut, useMe } from '../features/auth/api.ts';
import { Button } from './Button.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';
import { Loading } from './Loading.tsx';

/** Header with navigation, the page, and a footer. Navigation lists only sections that exist. */
export function AppShell() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOutMutation = useMutation({
    mutationFn: signOut,
    onSettled: () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] === 'me' && q.queryKey.length > 1 });
      queryClient.setQueryData(meQueryKey, null);
      navigate('/');
    },
  });

  return (
    <div className="shell">
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
          <nav className="site-nav" aria-label={t('nav.main')}>
            <ul>
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
                    <NavLink to="/profile">{t('nav.profile')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/account">{t('nav.account')}</NavLink>
                  </li>
                  <li>
                    <Button
                      variant="quiet"
                      pending={signOutMutation.isPending}
                      onClick={() => signOutMutation.mutate()}
                    >
                      {t('nav.sign_out')}
                    </Button>
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
      <main id="main" className="site-main" tabIndex={-1}>
        <ErrorBoundary>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>{t('common.footer')}</p>
      </footer>
    </div>
  );
}
