/** Profiles, avatars and the member directory; other features read match facts (buddy pairing) here. */
export { getMatchFacts, type MatchFacts, setLookingForBuddy } from './match-facts.service.ts';
export { avatarUrlOf } from './profiles.presenter.ts';
export { profileRoutes } from './profiles.routes.ts';
