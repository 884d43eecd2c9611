import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Network } from '../../../../common/contracts/networks.ts';
import { setTour, TOUR_RESTART_EVENT, tourKeys, useTour } from './api.ts';

// The dialog and its steps load only for someone who is shown the tour.
const Tour = lazy(() => import('./Tour.tsx'));

/**
 * Starts a member's first-run tour the first time they enter a network (not once they went through
 * or skipped it, on any device), and again when they ask for it from the account menu.
 */
export function NetworkTour({ network }: { network: Network }) {
  const member = network.viewer.role !== null && network.viewer.permissions.includes('membership.tour');
  const queryClient = useQueryClient();
  const tour = useTour(network.slug, member);
  const [restarted, setRestarted] = useState(false);
  const [ended, setEnded] = useState(false);
  const save = useMutation({
    mutationFn: (status: 'done' | 'skipped') => setTour(network.slug, status),
    onSuccess: (state) => queryClient.setQueryData(tourKeys.mine(network.slug), state),
  });

  useEffect(() => {
    if (!member) return;
    const restart = () => {
      setEnded(false);
      setRestarted(true);
    };
    window.addEventListener(TOUR_RESTART_EVENT, restart);
    return () => window.removeEventListener(TOUR_RESTART_EVENT, restart);
  }, [member]);

  // Only an answer fetched now counts: a remembered "not seen yet" must not bring it back.
  const fresh = tour.data && !tour.isPlaceholderData && tour.isFetchedAfterMount;
  const show = member && fresh && !ended && (restarted || tour.data?.status === 'new');
  if (!show || !tour.data) return null;
  return (
    <Suspense fallback={null}>
      <Tour
        network={network}
        welcomeText={tour.data.welcomeText}
        onEnd={(status) => {
          setEnded(true);
          setRestarted(false);
          save.mutate(status);
        }}
      />
    </Suspense>
  );
}
