import type { AppContext } from '../context.ts';
import { type BuddyActor, createBuddyPair, updateBuddyPair } from '../modules/buddies/index.ts';
import { sendMessage } from '../modules/messages/index.ts';
import { findNetworkBySlug } from '../modules/networks/index.ts';
import { setLookingForBuddy } from '../modules/profiles/index.ts';
import { findUserByEmail, type UserRow } from '../modules/users/index.ts';

/**
 * Fictional buddy pairings of the demo: an active pair with a first exchange, a waiting request and
 * a proposal waiting for its answer. A beginner who has any pairing already is left as they are, so
 * a second run changes nothing.
 */
export async function seedBuddiesDemo(ctx: AppContext): Promise<void> {
  const user = async (email: string) => (await findUserByEmail(ctx, email)) as UserRow;
  const actor = async (slug: string, who: UserRow, manages: boolean): Promise<BuddyActor | null> => {
    const network = await findNetworkBySlug(ctx, slug);
    return network ? { network, user: who, viewer: { userId: who.id, manages } } : null;
  };
  const hasPairing = async (networkSlug: string, beginnerId: string) => {
    const network = await findNetworkBySlug(ctx, networkSlug);
    const row = await ctx.database.db
      .selectFrom('buddyPairs')
      .select('id')
      .where('networkId', '=', network?.id ?? '')
      .where('beginnerId', '=', beginnerId)
      .executeTakeFirst();
    return row !== undefined;
  };
  const meta = await user('meta.mentor@demo.example.org');
  const elena = await user('mentor.experienced@demo.example.org');
  const bogdan = await user('mentor.beginner@demo.example.org');
  const eleni = await user('mentor.greek@demo.example.org');
  const olena = await user('mentor.ukrainian@demo.example.org');
  const metaPartner = await user('meta.partner@demo.example.org');

  // Active: Elena is Bogdan's buddy, and the two have written to each other.
  if (!(await hasPairing('demo-mentors-musterstadt', bogdan.id))) {
    const staff = await actor('demo-mentors-musterstadt', meta, true);
    const buddy = await actor('demo-mentors-musterstadt', elena, false);
    if (staff && buddy) {
      const id = await createBuddyPair(ctx, staff, {
        beginnerId: bogdan.id,
        mentorId: elena.id,
        note: 'Bogdan would like support with housing questions (demo).',
      });
      await updateBuddyPair(ctx, buddy, id, { status: 'active', note: '' });
      const conversationId = (
        await ctx.database.db
          .selectFrom('buddyPairs')
          .select('conversationId')
          .where('id', '=', id)
          .executeTakeFirst()
      )?.conversationId;
      if (conversationId) {
        await sendMessage(ctx, elena.id, conversationId, {
          body: 'Ciao Bogdan, I am happy to be your buddy. Shall we meet after Thursday’s meeting?',
          clientId: 'demo-buddy-0',
        });
        await sendMessage(ctx, bogdan.id, conversationId, {
          body: 'Yes, gladly. Thank you, Elena!',
          clientId: 'demo-buddy-1',
        });
      }
    }
  }
  // Requested: Eleni asked for a buddy and waits for the meta-mentor or office.
  if (!(await hasPairing('demo-mentors-musterstadt', eleni.id))) {
    const asking = await actor('demo-mentors-musterstadt', eleni, false);
    if (asking) {
      await createBuddyPair(ctx, asking, { note: 'Someone who speaks Greek or English, please (demo).' });
      await setLookingForBuddy(ctx, eleni.id, true);
    }
  }
  // Proposed: Elena is asked to be Olena's buddy in the Italian network.
  if (!(await hasPairing('demo-rete-mentori', olena.id))) {
    const staff = await actor('demo-rete-mentori', metaPartner, true);
    if (staff) await createBuddyPair(ctx, staff, { beginnerId: olena.id, mentorId: elena.id, note: '' });
  }
}
