import { z } from 'zod';

/** Frames a client may send over the socket (protocol in common/realtime-events.ts). */
export const ClientFrame = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ping') }),
  z.strictObject({ type: z.literal('resubscribe') }),
  z.strictObject({
    type: z.literal('typing'),
    data: z.strictObject({ conversationId: z.string().min(1).max(64) }),
  }),
]);
export type ClientFrame = z.infer<typeof ClientFrame>;
