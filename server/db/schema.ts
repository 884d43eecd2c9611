import type { DataExportsTable } from '../modules/account-data/account-data.table.ts';
import type { ActivitiesTable } from '../modules/activities/activities.table.ts';
import type { AnnouncementsTable } from '../modules/announcements/announcements.table.ts';
import type {
  ApplicationDraftsTable,
  ApplicationsTable,
} from '../modules/applications/applications.table.ts';
import type { UserTokensTable } from '../modules/auth/auth.table.ts';
import type { PasskeysTable, WebauthnChallengesTable } from '../modules/auth/passkeys.table.ts';
import type { UserRecoveryCodesTable, UserTotpTable } from '../modules/auth/two-factor.table.ts';
import type { BuddyPairsTable } from '../modules/buddies/buddies.table.ts';
import type {
  DirectoryClaimsTable,
  DirectoryEntriesTable,
  DirectoryOrganisationColumns,
  DirectoryTagsTable,
} from '../modules/directory/directory.table.ts';
import type {
  AttachmentsTable,
  PostReactionsTable,
  PostsTable,
  SpacesTable,
  TopicReadsTable,
  TopicsTable,
} from '../modules/discussions/discussions.table.ts';
import type {
  DocumentAcceptancesTable,
  NetworkDocumentsTable,
} from '../modules/documents/documents.table.ts';
import type {
  CalendarFeedsTable,
  EventAttendanceTable,
  EventListStampsTable,
  EventOccurrencesTable,
  EventOrganisersTable,
  EventRemindersTable,
  EventRsvpsTable,
  EventsTable,
} from '../modules/events/events.table.ts';
import type { GoalsTable, GoalUpdatesTable } from '../modules/goals/goals.table.ts';
import type {
  HelpAttachmentColumns,
  HelpNetworkColumns,
  HelpNotifiedTable,
  HelpOffersTable,
  HelpRequestsTable,
  HelpResponsesTable,
  HelpThanksTable,
  LeaveColumns,
} from '../modules/help-requests/help-requests.table.ts';
import type { InvitationsTable } from '../modules/invitations/invitations.table.ts';
import type { LegalAcceptancesTable, LegalVersionsTable } from '../modules/legal/legal.table.ts';
import type {
  ConversationParticipantsTable,
  ConversationsTable,
  MessagesTable,
} from '../modules/messages/messages.table.ts';
import type { ReportsTable, UserBlocksTable } from '../modules/moderation/moderation.table.ts';
import type { MemberBadgesTable, MoocGraduatesTable, MoocSessionsTable } from '../modules/mooc/mooc.table.ts';
import type {
  HealthActiveDaysTable,
  HealthDailyTable,
  HealthGenerationTable,
  HealthMembersTable,
  HealthNetworkColumns,
  HealthRollupsTable,
  NetworkMemberCountsTable,
} from '../modules/network-health/network-health.table.ts';
import type {
  MembershipsTable,
  NetworkOrganisationsTable,
  NetworksTable,
} from '../modules/networks/networks.table.ts';
import type {
  NotificationPreferencesTable,
  NotificationSettingsTable,
  NotificationsTable,
} from '../modules/notifications/notifications.table.ts';
import type { NetworkOfficesTable } from '../modules/office/office.table.ts';
import type {
  OrganisationAdminsTable,
  OrganisationsTable,
} from '../modules/organisations/organisations.table.ts';
import type {
  NetworkJoinRequestsTable,
  NetworkPartnershipsTable,
} from '../modules/partnerships/partnerships.table.ts';
import type { PlatformSettingsTable } from '../modules/platform-settings/platform-settings.table.ts';
import type {
  ProfileExpertiseTable,
  ProfileLanguagesTable,
  ProfilesTable,
} from '../modules/profiles/profiles.table.ts';
import type {
  NetworkDeputiesTable,
  NudgeLogTable,
  ProgressionDecisionsTable,
} from '../modules/progression/progression.table.ts';
import type {
  InstanceKeysTable,
  PushSettingsTable,
  PushSubscriptionsTable,
} from '../modules/push/push.table.ts';
import type {
  ResourceNetworkColumns,
  ResourceRevisionsTable,
  ResourcesTable,
} from '../modules/resources/resources.table.ts';
import type { NetworkPhaseColumns, RoadmapTicksTable } from '../modules/roadmap/roadmap.table.ts';
import type { SearchDocumentsTable } from '../modules/search/search.table.ts';
import type { NetworkToursTable, TourNetworkColumns } from '../modules/tour/tour.table.ts';
import type { AccountDeletionsTable, UsersTable } from '../modules/users/users.table.ts';
import type {
  VolunteerChecksTable,
  VolunteerCommitmentsTable,
  VolunteerDeparturesTable,
  VolunteerRecordSettingsTable,
  VolunteerRemindersTable,
  VolunteerTrainingsTable,
} from '../modules/volunteer-records/volunteer-records.table.ts';
import type { AuditLogTable } from '../platform/audit/audit.table.ts';
import type { IdempotencyKeysTable } from '../platform/idempotency/idempotency.table.ts';
import type { JobsTable } from '../platform/jobs/jobs.table.ts';
import type { RateLimitsTable } from '../platform/rate-limit/rate-limit.table.ts';
import type { RealtimeOutboxTable } from '../platform/realtime/realtime.table.ts';
import type { SessionsTable } from '../platform/sessions/sessions.table.ts';
/** The whole database as Kysely sees it (camelCase; the CamelCasePlugin maps to snake_case). */

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  userTokens: UserTokensTable;
  userTotp: UserTotpTable;
  passkeys: PasskeysTable;
  webauthnChallenges: WebauthnChallengesTable;
  platformSettings: PlatformSettingsTable;
  userRecoveryCodes: UserRecoveryCodesTable;
  rateLimits: RateLimitsTable;
  idempotencyKeys: IdempotencyKeysTable;
  jobs: JobsTable;
  organisations: OrganisationsTable & DirectoryOrganisationColumns;
  organisationAdmins: OrganisationAdminsTable;
  /** The networks module's columns, and the roadmap's phase of the network. */
  networks: NetworksTable &
    TourNetworkColumns &
    NetworkPhaseColumns &
    HelpNetworkColumns &
    ResourceNetworkColumns &
    HealthNetworkColumns;
  networkOrganisations: NetworkOrganisationsTable;
  networkPartnerships: NetworkPartnershipsTable;
  networkJoinRequests: NetworkJoinRequestsTable;
  /** With the day a member is on leave until (help requests and buddy suggestions skip them). */
  memberships: MembershipsTable & LeaveColumns;
  networkMemberCounts: NetworkMemberCountsTable;
  invitations: InvitationsTable;
  applications: ApplicationsTable;
  applicationDrafts: ApplicationDraftsTable;
  networkDocuments: NetworkDocumentsTable;
  documentAcceptances: DocumentAcceptancesTable;
  networkOffices: NetworkOfficesTable;
  profiles: ProfilesTable;
  profileLanguages: ProfileLanguagesTable;
  profileExpertise: ProfileExpertiseTable;
  auditLog: AuditLogTable;
  spaces: SpacesTable;
  topics: TopicsTable;
  posts: PostsTable;
  postReactions: PostReactionsTable;
  topicReads: TopicReadsTable;
  attachments: AttachmentsTable & HelpAttachmentColumns;
  announcements: AnnouncementsTable;
  conversations: ConversationsTable;
  conversationParticipants: ConversationParticipantsTable;
  messages: MessagesTable;
  realtimeOutbox: RealtimeOutboxTable;
  moocSessions: MoocSessionsTable;
  moocGraduates: MoocGraduatesTable;
  memberBadges: MemberBadgesTable;
  roadmapTicks: RoadmapTicksTable;
  goals: GoalsTable;
  goalUpdates: GoalUpdatesTable;
  notifications: NotificationsTable;
  notificationPreferences: NotificationPreferencesTable;
  notificationSettings: NotificationSettingsTable;
  searchDocuments: SearchDocumentsTable;
  directoryEntries: DirectoryEntriesTable;
  directoryTags: DirectoryTagsTable;
  directoryClaims: DirectoryClaimsTable;
  reports: ReportsTable;
  userBlocks: UserBlocksTable;
  buddyPairs: BuddyPairsTable;
  helpRequests: HelpRequestsTable;
  helpResponses: HelpResponsesTable;
  helpOffers: HelpOffersTable;
  helpThanks: HelpThanksTable;
  helpNotified: HelpNotifiedTable;
  events: EventsTable;
  eventOrganisers: EventOrganisersTable;
  eventOccurrences: EventOccurrencesTable;
  eventRsvps: EventRsvpsTable;
  eventAttendance: EventAttendanceTable;
  eventReminders: EventRemindersTable;
  eventListStamps: EventListStampsTable;
  legalVersions: LegalVersionsTable;
  legalAcceptances: LegalAcceptancesTable;
  calendarFeeds: CalendarFeedsTable;
  resources: ResourcesTable;
  resourceRevisions: ResourceRevisionsTable;
  healthDaily: HealthDailyTable;
  healthActiveDays: HealthActiveDaysTable;
  healthMembers: HealthMembersTable;
  healthRollups: HealthRollupsTable;
  healthGeneration: HealthGenerationTable;
  activities: ActivitiesTable;
  volunteerTrainings: VolunteerTrainingsTable;
  volunteerChecks: VolunteerChecksTable;
  volunteerCommitments: VolunteerCommitmentsTable;
  volunteerDepartures: VolunteerDeparturesTable;
  volunteerReminders: VolunteerRemindersTable;
  volunteerRecordSettings: VolunteerRecordSettingsTable;
  progressionDecisions: ProgressionDecisionsTable;
  networkDeputies: NetworkDeputiesTable;
  nudgeLog: NudgeLogTable;
  instanceKeys: InstanceKeysTable;
  pushSubscriptions: PushSubscriptionsTable;
  pushSettings: PushSettingsTable;
  dataExports: DataExportsTable;
  accountDeletions: AccountDeletionsTable;
  networkTours: NetworkToursTable;
}
