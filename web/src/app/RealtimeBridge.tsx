import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { connectAnnouncements } from '../features/announcements/live.ts';
import { authKeys } from '../features/auth/api.ts';
import { connectBuddies } from '../features/buddies/live.ts';
import { connectDiscussions } from '../features/discussions/live.ts';
import { connectEvents } from '../features/events/live.ts';
import { connectHelp } from '../features/help/live.ts';
import { connectMessages } from '../features/messages/live.ts';
import { connectNotifications } from '../features/notifications/live.ts';
import { onLocalEvent, realtime } from '../lib/realtime.ts';

/** While someone is signed in, the tab's one socket runs and feeds the query caches. */
export default function RealtimeBridge({ userId }: { userId: string }) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const offs = [
      connectMessages(queryClient, userId),
      connectNotifications(queryClient),
      connectDiscussions(queryClient),
      connectAnnouncements(queryClient),
      connectBuddies(queryClient),
      connectHelp(queryClient),
      connectEvents(queryClient),
      onLocalEvent('session.ended', () => queryClient.setQueryData(authKeys.me, null)),
    ];
    realtime.start();
    return () => {
      for (const off of offs) off();
      realtime.stop();
    };
  }, [queryClient, userId]);
  return null;
}
