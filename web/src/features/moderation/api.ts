import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  BlockList,
  Report,
  ReportList,
  ReportReceipt,
} from '../../../../common/contracts/moderation.ts';
import type {
  ModerationDecision,
  ReportKind,
  ReportReason,
  ReportStatus,
} from '../../../../common/moderation.ts';
import { api, query } from '../../lib/api-client.ts';

export const moderationKeys = {
  all: ['moderation'] as const,
  queue: (status: ReportStatus) => ['moderation', 'queue', status] as const,
  blocks: ['moderation', 'blocks'] as const,
};

/** Sends a report of one item. */
export function sendReport(body: { kind: ReportKind; id: string; reason: ReportReason; text: string }) {
  return api.post<z.infer<typeof ReportReceipt>>('/reports', body);
}

/** The moderation queue the caller may see (403 for those who moderate nowhere). */
export function useReportQueue(status: ReportStatus) {
  return useQuery({
    queryKey: moderationKeys.queue(status),
    queryFn: () => api.get<z.infer<typeof ReportList>>(`/moderation/reports${query({ status, limit: 50 })}`),
    retry: false,
  });
}

export function decideReport(
  id: string,
  body: { decision: ModerationDecision; days?: number; note?: string },
) {
  return api.post<Report>(`/moderation/reports/${id}/decision`, body);
}

export function useBlocks(enabled = true) {
  return useQuery({
    queryKey: moderationKeys.blocks,
    queryFn: () => api.get<z.infer<typeof BlockList>>('/me/blocks'),
    enabled,
  });
}

export async function setBlocked(queryClient: QueryClient, userId: string, blocked: boolean) {
  if (blocked) await api.post(`/me/blocks/${userId}`);
  else await api.delete(`/me/blocks/${userId}`);
  await queryClient.invalidateQueries({ queryKey: moderationKeys.blocks });
  // Posts carry `authorBlocked`: read them again.
  await queryClient.invalidateQueries({ queryKey: ['discussions'] });
}
