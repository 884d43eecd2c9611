import type { NetworkRole } from '../../common/permissions.ts';
import { helpViewerOf } from '../../common/policies/help-requests.ts';
import type { AppContext } from '../context.ts';
import {
  createHelpRequest,
  type HelpActor,
  offerHelp,
  respondToHelpRequest,
} from '../modules/help-requests/index.ts';
import { findNetworkBySlug } from '../modules/networks/index.ts';
import { findUserByEmail, type UserRow } from '../modules/users/index.ts';

/**
 * Fictional requests for support in the demo network: an open question of a beginner with an offer
 * of help, and one answered by an experienced mentor. A requester who has asked before is left as
 * they are, so a second run changes nothing.
 */
export async function seedHelpDemo(ctx: AppContext): Promise<void> {
  const network = await findNetworkBySlug(ctx, 'demo-mentors-musterstadt');
  if (!network) return;
  const actorOf = async (email: string, role: NetworkRole = 'mentor'): Promise<HelpActor> => {
    const user = (await findUserByEmail(ctx, email)) as UserRow;
    const actor = { signedIn: true, platformAdmin: false, orgAdmin: false, role, acceptedCurrent: true };
    return { network, user, viewer: helpViewerOf(actor, network.visibility, user.id) };
  };
  const asked = async (userId: string) =>
    (await ctx.database.db
      .selectFrom('helpRequests')
      .select('id')
      .where('networkId', '=', network.id)
      .where('requesterId', '=', userId)
      .executeTakeFirst()) !== undefined;
  const bogdan = await actorOf('mentor.beginner@demo.example.org');
  const elena = await actorOf('mentor.experienced@demo.example.org');
  const eleni = await actorOf('mentor.greek@demo.example.org');
  const amal = await actorOf('mentor.arabic@demo.example.org');

  if (!(await asked(bogdan.user.id))) {
    const id = await createHelpRequest(ctx, bogdan, {
      kind: 'question',
      title: 'First appointment at the job centre (demo)',
      body: 'My mentee has her first appointment next week. What should we bring, and can I come along?',
      expertise: ['work', 'benefits'],
      languages: ['en', 'de'],
      urgency: 'this_week',
      deadline: null,
      attachmentIds: [],
      privacyConfirmed: false,
    });
    await offerHelp(ctx, elena, id, false);
  }
  if (!(await asked(eleni.user.id))) {
    const id = await createHelpRequest(ctx, eleni, {
      kind: 'question',
      title: 'Σχολείο για έναν έφηβο στη μέση της χρονιάς (demo)',
      body: 'How do we register a 15-year-old at school in the middle of the school year?',
      expertise: ['education', 'children_youth'],
      languages: ['el', 'en'],
      urgency: 'soon',
      deadline: null,
      attachmentIds: [],
      privacyConfirmed: false,
    });
    await respondToHelpRequest(ctx, amal, id, {
      body: 'The school office of the district assigns a place; bring the registration certificate. (demo)',
      attachmentIds: [],
      privacyConfirmed: false,
    });
  }
}
