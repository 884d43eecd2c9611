import type { ReactNode } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { Loading } from '../components/Loading.tsx';
import { useMe } from '../features/auth/api.ts';
import { safeNext } from '../lib/safe-next.ts';

/** Pages for signed-in users; others are sent to sign in and brought back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending } = useMe();
  const location = useLocation();
  if (isPending) return <Loading />;
  if (!me) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/signin?next=${next}`} replace />;
  }
  return children;
}

/**
 * Pages that make no sense when signed in (landing, sign in, sign up) lead home instead, or to
 * the page that sent the person to sign in (`?next=`): signing in re-renders this guard first.
 */
export function RequireGuest({ children }: { children: ReactNode }) {
  const { data: me, isPending } = useMe();
  const [params] = useSearchParams();
  if (isPending) return <Loading />;
  if (me) return <Navigate to={safeNext(params.get('next'))} replace />;
  return children;
}
