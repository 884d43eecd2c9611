import type { AppContext } from '../context.ts';
import { openDirectConversation, sendMessage } from '../modules/messages/index.ts';
import { findUserByEmail } from '../modules/users/index.ts';

/** Fictional direct conversations between demo members (client ids make a second run change nothing). */
const DEMO_CONVERSATIONS: { between: [string, string]; messages: [0 | 1, string][] }[] = [
  {
    between: ['meta.mentor@demo.example.org', 'mentor.beginner@demo.example.org'],
    messages: [
      [0, 'Hallo Bogdan, willkommen im Netzwerk! Wie lief dein erstes Treffen?'],
      [1, 'Danke, Mira! Es war gut, aber ich war unsicher wegen der Wohnungsanträge.'],
      [0, 'Frag gern im Bereich **Fragen** nach — Elena kennt sich damit sehr gut aus.'],
      [1, 'Mache ich. Bis Donnerstag beim Treffen!'],
    ],
  },
  {
    between: ['mentor.experienced@demo.example.org', 'mentor.arabic@demo.example.org'],
    messages: [
      [0, 'Amal, could you help with a translation at the job centre next Tuesday?'],
      [1, 'Yes, I am free in the morning. Which office is it?'],
      [0, 'The one near the station, 10:00. Thank you so much!'],
    ],
  },
];

/** Adds the demo conversations to the demo accounts. */
export async function seedMessages(ctx: AppContext): Promise<void> {
  for (const [index, spec] of DEMO_CONVERSATIONS.entries()) {
    const [a, b] = await Promise.all(spec.between.map((email) => findUserByEmail(ctx, email)));
    if (!a || !b) continue;
    const { conversation } = await openDirectConversation(ctx, a.id, b.id);
    for (const [n, [who, body]] of spec.messages.entries()) {
      const sender = who === 0 ? a : b;
      await sendMessage(ctx, sender.id, conversation.id, { body, clientId: `demo-${index}-${n}` });
    }
  }
}
