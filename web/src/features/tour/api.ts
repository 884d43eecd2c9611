import { useQuery } from '@tanstack/react-query';
import type { NetworkWelcome, SetTourBody, TourState } from '../../../../common/contracts/tour.ts';
import { api } from '../../lib/api-client.ts';
import { networkKeys } from '../networks/api.ts';

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}`;

/** Query keys of the tour (not kept offline: a stale "not seen yet" would show it again). */
export const tourKeys = {
  mine: (slug: string) => [...networkKeys.detail(slug), 'tour'] as const,
  welcome: (slug: string) => [...networkKeys.detail(slug), 'welcome'] as const,
};

export function useTour(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: tourKeys.mine(slug),
    queryFn: () => api.get<TourState>(`${base(slug)}/tour`),
    enabled,
  });
}

export const setTour = (slug: string, status: SetTourBody['status']) =>
  api.put<TourState>(`${base(slug)}/tour`, { status });

export function useWelcome(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: tourKeys.welcome(slug),
    queryFn: () => api.get<NetworkWelcome>(`${base(slug)}/welcome`),
    enabled,
  });
}

export const setWelcome = (slug: string, welcomeText: string) =>
  api.put<NetworkWelcome>(`${base(slug)}/welcome`, { welcomeText });

/** Asks the network page shown to start its tour again (from the account menu). */
export const TOUR_RESTART_EVENT = 'mentornet:tour-restart';
export function restartTour(): void {
  window.dispatchEvent(new Event(TOUR_RESTART_EVENT));
}
