import type { Migration } from 'kysely';
import * as createUsers from './2026-11-27T0600-create-users.ts';
import * as createSessions from './2026-11-27T0601-create-sessions.ts';
import * as createUserTokens from './2026-11-27T0602-create-user-tokens.ts';
import * as createRateLimits from './2026-11-27T0603-create-rate-limits.ts';
import * as createJobs from './2026-11-27T0604-create-jobs.ts';
import * as createOrganisations from './2026-11-27T0700-create-organisations.ts';
import * as createNetworks from './2026-11-27T0701-create-networks.ts';
import * as createInvitations from './2026-11-27T0702-create-invitations.ts';
import * as createApplications from './2026-11-27T0703-create-applications.ts';
import * as createNetworkDocuments from './2026-11-27T0704-create-network-documents.ts';
import * as createNetworkOffices from './2026-11-27T0705-create-network-offices.ts';
import * as createProfiles from './2026-11-27T0706-create-profiles.ts';
import * as createAuditLog from './2026-11-27T0707-create-audit-log.ts';
import * as applicationsOnePending from './2026-11-27T0820-applications-one-pending.ts';
import * as createMooc from './2026-11-27T0900-create-mooc.ts';
import * as invitationsMoocGraduate from './2026-11-27T0901-invitations-mooc-graduate.ts';
import * as networkPhase from './2026-11-27T0902-network-phase.ts';
import * as createRoadmapTicks from './2026-11-27T0903-create-roadmap-ticks.ts';
import * as createGoals from './2026-11-27T0904-create-goals.ts';
import * as createDiscussions from './2026-11-27T1000-create-discussions.ts';
import * as backfillDefaultSpaces from './2026-11-27T1001-backfill-default-spaces.ts';
import * as createAnnouncements from './2026-11-27T1002-create-announcements.ts';
import * as createMessages from './2026-11-27T1100-create-messages.ts';
import * as createRealtimeOutbox from './2026-11-27T1101-create-realtime-outbox.ts';
import * as createNotifications from './2026-11-27T1200-create-notifications.ts';
import * as createSearchIndex from './2026-11-27T1201-create-search-index.ts';
import * as postsAuthorTopicIndex from './2026-11-27T1300-posts-author-topic-index.ts';
import * as createBuddyPairs from './2026-11-28T1600-create-buddy-pairs.ts';
import * as profileBuddyFlags from './2026-11-28T1601-profile-buddy-flags.ts';
import * as createHelpRequests from './2026-12-05T1000-create-help-requests.ts';
import * as buddyPairsCloseReason from './2026-12-05T1100-buddy-pairs-close-reason.ts';
import * as createEvents from './2026-12-05T1300-create-events.ts';
import * as notificationsEvent from './2026-12-05T1301-notifications-event.ts';
import * as createResources from './2026-12-06T1200-create-resources.ts';
import * as documentSummary from './2026-12-06T1300-document-summary.ts';
import * as searchMoreKinds from './2026-12-06T1500-search-more-kinds.ts';
import * as searchPostgresAccents from './2026-12-06T1501-search-postgres-accents.ts';
import * as searchResources from './2026-12-06T1550-search-resources.ts';
import * as helpHelperPool from './2026-12-06T1600-help-helper-pool.ts';
import * as eventsSeriesIndex from './2026-12-06T1700-events-series-index.ts';
import * as eventsSeriesStartIndex from './2026-12-07T0100-events-series-start-index.ts';
import * as eventListStamps from './2026-12-07T0101-event-list-stamps.ts';
import * as createModeration from './2026-12-07T0600-create-moderation.ts';
import * as createLegalDocuments from './2026-12-07T0500-create-legal-documents.ts';
import * as createProgression from './2026-12-07T0400-create-progression.ts';
import * as createAccountData from './2026-12-09T0400-create-account-data.ts';
import * as createPlatformSettings from './2026-12-10T0900-create-platform-settings.ts';
import * as createApplicationDrafts from './2026-12-11T0900-create-application-drafts.ts';
import * as createPasskeys from './2026-12-11T0900-create-passkeys.ts';
import * as createPartnerships from './2026-12-11T0100-create-partnerships.ts';
import * as topicReadCounts from './2026-12-07T0200-topic-read-counts.ts';
import * as createIdempotencyKeys from './2026-12-10T1000-create-idempotency-keys.ts';
import * as createTours from './2026-12-12T0100-create-tours.ts';
import * as createNetworkHealth from './2026-12-07T0300-create-network-health.ts';
import * as createActivities from './2026-12-07T0700-create-activities.ts';
import * as createVolunteerRecords from './2026-12-07T0701-create-volunteer-records.ts';
import * as volunteerDepartures from './2026-12-07T0702-volunteer-departures.ts';
import * as createDirectory from './2026-12-07T0800-create-directory.ts';
import * as directoryTagsSorted from './2026-12-07T0801-directory-tags-sorted.ts';
import * as createPush from './2026-12-07T0900-create-push.ts';
import * as createTwoFactor from './2026-12-07T0900-create-two-factor.ts';
import * as healthDailyCountedUntil from './2026-12-13T0100-health-daily-counted-until.ts';
import * as healthGeneration from './2026-12-07T0900-health-generation.ts';
import * as membershipsNetworkEndedIndex from './2026-12-13T0101-memberships-network-ended-index.ts';
import * as helpRequestsUnansweredIndex from './2026-12-13T0102-help-requests-unanswered-index.ts';
import * as notificationsLookupIndexes from './2026-12-13T0103-notifications-lookup-indexes.ts';
import * as topicsSpaceNetworkIndex from './2026-12-13T0104-topics-space-network-index.ts';
import * as networkMemberCounts from './2026-12-13T0105-network-member-counts.ts';
import * as eventsPublic from './2026-12-12T0100-events-public.ts';
import * as helpRequestsListIndex from './2026-12-12T0200-help-requests-list-index.ts';
import * as organisationLocation from './2026-12-13T0100-organisation-location.ts';
import * as eventRsvpsCountsIndex from './2026-12-12T0200-event-rsvps-counts-index.ts';

/** Every migration, by its frozen name; new ones are appended (names sort by time). */
export const migrations: Record<string, Migration> = {
  '2026-11-27T0600-create-users': createUsers,
  '2026-11-27T0601-create-sessions': createSessions,
  '2026-11-27T0602-create-user-tokens': createUserTokens,
  '2026-11-27T0603-create-rate-limits': createRateLimits,
  '2026-11-27T0604-create-jobs': createJobs,
  '2026-11-27T0700-create-organisations': createOrganisations,
  '2026-11-27T0701-create-networks': createNetworks,
  '2026-11-27T0702-create-invitations': createInvitations,
  '2026-11-27T0703-create-applications': createApplications,
  '2026-11-27T0704-create-network-documents': createNetworkDocuments,
  '2026-11-27T0705-create-network-offices': createNetworkOffices,
  '2026-11-27T0706-create-profiles': createProfiles,
  '2026-11-27T0707-create-audit-log': createAuditLog,
  '2026-11-27T0820-applications-one-pending': applicationsOnePending,
  '2026-11-27T0900-create-mooc': createMooc,
  '2026-11-27T0901-invitations-mooc-graduate': invitationsMoocGraduate,
  '2026-11-27T0902-network-phase': networkPhase,
  '2026-11-27T0903-create-roadmap-ticks': createRoadmapTicks,
  '2026-11-27T0904-create-goals': createGoals,
  '2026-11-27T1000-create-discussions': createDiscussions,
  '2026-11-27T1001-backfill-default-spaces': backfillDefaultSpaces,
  '2026-11-27T1002-create-announcements': createAnnouncements,
  '2026-11-27T1100-create-messages': createMessages,
  '2026-11-27T1101-create-realtime-outbox': createRealtimeOutbox,
  '2026-11-27T1200-create-notifications': createNotifications,
  '2026-11-27T1201-create-search-index': createSearchIndex,
  '2026-11-27T1300-posts-author-topic-index': postsAuthorTopicIndex,
  '2026-11-28T1600-create-buddy-pairs': createBuddyPairs,
  '2026-11-28T1601-profile-buddy-flags': profileBuddyFlags,
  '2026-12-05T1000-create-help-requests': createHelpRequests,
  '2026-12-05T1100-buddy-pairs-close-reason': buddyPairsCloseReason,
  '2026-12-05T1300-create-events': createEvents,
  '2026-12-05T1301-notifications-event': notificationsEvent,
  '2026-12-06T1500-search-more-kinds': searchMoreKinds,
  '2026-12-06T1501-search-postgres-accents': searchPostgresAccents,
  '2026-12-06T1700-events-series-index': eventsSeriesIndex,
  '2026-12-06T1600-help-helper-pool': helpHelperPool,
  '2026-12-06T1200-create-resources': createResources,
  '2026-12-06T1550-search-resources': searchResources,
  '2026-12-06T1300-document-summary': documentSummary,
  '2026-12-07T0100-events-series-start-index': eventsSeriesStartIndex,
  '2026-12-07T0101-event-list-stamps': eventListStamps,
  '2026-12-07T0600-create-moderation': createModeration,
  '2026-12-07T0300-create-network-health': createNetworkHealth,
  '2026-12-07T0700-create-activities': createActivities,
  '2026-12-07T0701-create-volunteer-records': createVolunteerRecords,
  '2026-12-07T0702-volunteer-departures': volunteerDepartures,
  '2026-12-07T0200-topic-read-counts': topicReadCounts,
  '2026-12-07T0800-create-directory': createDirectory,
  '2026-12-07T0801-directory-tags-sorted': directoryTagsSorted,
  '2026-12-07T0900-health-generation': healthGeneration,
  '2026-12-07T0500-create-legal-documents': createLegalDocuments,
  '2026-12-07T0400-create-progression': createProgression,
  '2026-12-07T0900-create-two-factor': createTwoFactor,
  '2026-12-07T0900-create-push': createPush,
  '2026-12-09T0400-create-account-data': createAccountData,
  '2026-12-10T0900-create-platform-settings': createPlatformSettings,
  '2026-12-11T0900-create-application-drafts': createApplicationDrafts,
  '2026-12-11T0900-create-passkeys': createPasskeys,
  '2026-12-11T0100-create-partnerships': createPartnerships,
  '2026-12-10T1000-create-idempotency-keys': createIdempotencyKeys,
  '2026-12-12T0100-events-public': eventsPublic,
  '2026-12-12T0100-create-tours': createTours,
  '2026-12-12T0200-help-requests-list-index': helpRequestsListIndex,
  '2026-12-13T0100-organisation-location': organisationLocation,
  '2026-12-12T0200-event-rsvps-counts-index': eventRsvpsCountsIndex,
  '2026-12-13T0100-health-daily-counted-until': healthDailyCountedUntil,
  '2026-12-13T0101-memberships-network-ended-index': membershipsNetworkEndedIndex,
  '2026-12-13T0102-help-requests-unanswered-index': helpRequestsUnansweredIndex,
  '2026-12-13T0103-notifications-lookup-indexes': notificationsLookupIndexes,
  '2026-12-13T0104-topics-space-network-index': topicsSpaceNetworkIndex,
  '2026-12-13T0105-network-member-counts': networkMemberCounts,
};
