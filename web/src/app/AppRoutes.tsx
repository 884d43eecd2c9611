import type { ReactNode } from 'react';
import { matchPath, Navigate, Route, Routes } from 'react-router';
import { AppShell } from '../components/AppShell.tsx';
import { RequireAuth, RequireGuest } from './guards.tsx';
import { lazyPage, lazyShellPage, type PreloadablePage } from './lazy-page.ts';

// Every page is its own chunk: the first visit downloads only the shell and the page it opens.
const LandingPage = lazyShellPage(() => import('../features/landing/LandingPage.tsx'));
const SignUpPage = lazyPage(() => import('../features/auth/SignUpPage.tsx'));
const CheckMailPage = lazyPage(() => import('../features/auth/CheckMailPage.tsx'));
const VerifyEmailPage = lazyPage(() => import('../features/auth/VerifyEmailPage.tsx'));
const SignInPage = lazyPage(() => import('../features/auth/SignInPage.tsx'));
const ForgotPasswordPage = lazyPage(() => import('../features/auth/ForgotPasswordPage.tsx'));
const ResetPasswordPage = lazyPage(() => import('../features/auth/ResetPasswordPage.tsx'));
const SetupPage = lazyPage(() => import('../features/setup/SetupPage.tsx'));
const HomePage = lazyPage(() => import('../features/home/HomePage.tsx'));
const AccountPage = lazyPage(() => import('../features/users/AccountPage.tsx'));
const JobsPage = lazyPage(() => import('../features/operations/JobsPage.tsx'));
const ModerationPage = lazyPage(() => import('../features/moderation/ModerationPage.tsx'));
const NotFoundPage = lazyPage(() => import('../components/NotFoundPage.tsx'));
const ProfilePage = lazyPage(() => import('../features/profiles/ProfilePage.tsx'));
const CreateOrganisationPage = lazyPage(() => import('../features/organisations/CreateOrganisationPage.tsx'));
const OrganisationPage = lazyPage(() => import('../features/organisations/OrganisationPage.tsx'));
const OrganisationReportPage = lazyPage(() => import('../features/organisations/OrganisationReportPage.tsx'));
const FoundNetworkPage = lazyPage(() => import('../features/networks/FoundNetworkPage.tsx'));
const ExploreNetworksPage = lazyPage(() => import('../features/networks/ExploreNetworksPage.tsx'));
const NetworkLayout = lazyPage(() => import('../features/networks/NetworkLayout.tsx'));
const NetworkHomePage = lazyPage(() => import('../features/networks/NetworkHomePage.tsx'));
const AgreementPage = lazyPage(() => import('../features/documents/AgreementPage.tsx'));
const DocumentHistoryPage = lazyPage(() => import('../features/documents/DocumentHistoryPage.tsx'));
const PublishDocumentPage = lazyPage(() => import('../features/documents/PublishDocumentPage.tsx'));
const AcceptancesPage = lazyPage(() => import('../features/documents/AcceptancesPage.tsx'));
const MembersPage = lazyPage(() => import('../features/members/MembersPage.tsx'));
const DirectoryPage = lazyPage(() => import('../features/profiles/DirectoryPage.tsx'));
const PersonPage = lazyPage(() => import('../features/profiles/PersonPage.tsx'));
const OfficePage = lazyPage(() => import('../features/office/OfficePage.tsx'));
const InvitationsPage = lazyPage(() => import('../features/invitations/InvitationsPage.tsx'));
const ApplicationsPage = lazyPage(() => import('../features/applications/ApplicationsPage.tsx'));
const AuditPage = lazyPage(() => import('../features/members/AuditPage.tsx'));
const RecordPage = lazyPage(() => import('../features/records/RecordPage.tsx'));
const ProgressionPage = lazyPage(() => import('../features/progression/ProgressionPage.tsx'));
const SettingsPage = lazyPage(() => import('../features/networks/SettingsPage.tsx'));
const DiscussionsPage = lazyPage(() => import('../features/discussions/DiscussionsPage.tsx'));
const NewTopicPage = lazyPage(() => import('../features/discussions/NewTopicPage.tsx'));
const TopicPage = lazyPage(() => import('../features/discussions/TopicPage.tsx'));
const ConversationsPage = lazyPage(() => import('../features/messages/ConversationsPage.tsx'));
const ChatPage = lazyPage(() => import('../features/messages/ChatPage.tsx'));
const NotificationsPage = lazyPage(() => import('../features/notifications/NotificationsPage.tsx'));
const UnsubscribePage = lazyPage(() => import('../features/notifications/UnsubscribePage.tsx'));
const SearchPage = lazyPage(() => import('../features/search/SearchPage.tsx'));
const InvitationPage = lazyPage(() => import('../features/invitations/InvitationPage.tsx'));
const MoocSessionsPage = lazyPage(() => import('../features/mooc/MoocSessionsPage.tsx'));
const MoocSessionPage = lazyPage(() => import('../features/mooc/MoocSessionPage.tsx'));
const RoadmapPage = lazyPage(() => import('../features/roadmap/RoadmapPage.tsx'));
const GoalsPage = lazyPage(() => import('../features/goals/GoalsPage.tsx'));
const GoalPage = lazyPage(() => import('../features/goals/GoalPage.tsx'));
const PrivacyCheckPage = lazyPage(() => import('../features/privacy/PrivacyCheckPage.tsx'));
const BuddiesPage = lazyPage(() => import('../features/buddies/BuddiesPage.tsx'));
const SupportPage = lazyPage(() => import('../features/help/SupportPage.tsx'));
const AskPage = lazyPage(() => import('../features/help/AskPage.tsx'));
const RequestPage = lazyPage(() => import('../features/help/RequestPage.tsx'));
const ResourcesPage = lazyPage(() => import('../features/resources/ResourcesPage.tsx'));
const ResourcePage = lazyPage(() => import('../features/resources/ResourcePage.tsx'));
const ResourceEditorPage = lazyPage(() => import('../features/resources/ResourceEditor.tsx'));
const ResourceHistoryPage = lazyPage(() => import('../features/resources/HistoryPage.tsx'));
const EventsPage = lazyPage(() => import('../features/events/EventsPage.tsx'));
const EventPage = lazyPage(() => import('../features/events/EventPage.tsx'));
const PartnersPage = lazyPage(() => import('../features/partners/PartnersPage.tsx'));
const EventEditorPage = lazyPage(() => import('../features/events/EventEditorPage.tsx'));
const HealthPage = lazyPage(() => import('../features/network-health/HealthPage.tsx'));
const MyLogPage = lazyPage(() => import('../features/activities/MyLogPage.tsx'));
const ImpactReportPage = lazyPage(() => import('../features/activities/ImpactReportPage.tsx'));
const PublicDirectoryPage = lazyPage(() => import('../features/directory/DirectoryPage.tsx'));
const DirectoryEntryPage = lazyPage(() => import('../features/directory/EntryPage.tsx'));
const DirectoryEntryFormPage = lazyPage(() => import('../features/directory/EntryFormPage.tsx'));
const LegalTextPage = lazyPage(() => import('../features/legal/LegalTextPage.tsx'));
const LegalAdminPage = lazyPage(() => import('../features/legal/LegalAdminPage.tsx'));

/**
 * The pages a first load opens most, with the chunks each needs: fetched at the start, beside the
 * catalogue and the session, instead of once the first render finds them missing.
 */
const FIRST_PAGES: [pattern: string, pages: PreloadablePage[]][] = [
  ['/', [LandingPage]],
  ['/home', [HomePage]],
  ['/networks/:slug', [NetworkLayout, NetworkHomePage]],
  ['/networks/:slug/discussions', [NetworkLayout, DiscussionsPage]],
  ['/networks/:slug/discussions/new', [NetworkLayout, NewTopicPage]],
  ['/networks/:slug/discussions/:topicId', [NetworkLayout, TopicPage]],
  ['/messages', [ConversationsPage]],
  ['/messages/:id', [ChatPage]],
];

/** Starts fetching the chunks of the page at `pathname` if it is one of the pages a first load opens most. */
export function preloadFirstPage(pathname: string): void {
  const pages = FIRST_PAGES.find(([pattern]) => matchPath(pattern, pathname))?.[1] ?? [];
  // A chunk that fails here (offline) is asked again, and its failure shown, by the render.
  for (const page of pages) page.preload().catch(() => {});
}

/** A page for signed-in users only. */
const signedIn = (page: ReactNode) => <RequireAuth>{page}</RequireAuth>;

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route
          index
          element={
            <RequireGuest>
              <LandingPage />
            </RequireGuest>
          }
        />
        <Route
          path="signup"
          element={
            <RequireGuest>
              <SignUpPage />
            </RequireGuest>
          }
        />
        <Route path="signup/check-mail" element={<CheckMailPage />} />
        <Route path="verify-email" element={<VerifyEmailPage />} />
        <Route
          path="signin"
          element={
            <RequireGuest>
              <SignInPage />
            </RequireGuest>
          }
        />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="setup" element={<SetupPage />} />
        <Route
          path="home"
          element={
            <RequireAuth>
              <HomePage />
            </RequireAuth>
          }
        />
        <Route
          path="account"
          element={
            <RequireAuth>
              <AccountPage />
            </RequireAuth>
          }
        />
        <Route path="admin/jobs" element={signedIn(<JobsPage />)} />
        <Route path="admin/legal" element={<Navigate to="/admin/legal/privacy" replace />} />
        <Route path="admin/legal/:kind" element={signedIn(<LegalAdminPage />)} />
        <Route path="moderation" element={signedIn(<ModerationPage />)} />
        <Route path="profile" element={signedIn(<ProfilePage />)} />
        <Route path="log" element={signedIn(<MyLogPage />)} />
        <Route path="organisations/new" element={signedIn(<CreateOrganisationPage />)} />
        <Route path="organisations/:slug" element={<OrganisationPage />} />
        <Route path="organisations/:slug/reports" element={signedIn(<OrganisationReportPage />)} />
        <Route path="organisations/:slug/networks/new" element={signedIn(<FoundNetworkPage />)} />
        <Route path="networks" element={<ExploreNetworksPage />} />
        <Route path="directory" element={<PublicDirectoryPage />} />
        <Route path="directory/new" element={signedIn(<DirectoryEntryFormPage />)} />
        <Route path="directory/:id" element={<DirectoryEntryPage />} />
        <Route path="directory/:id/edit" element={signedIn(<DirectoryEntryFormPage />)} />
        <Route path="networks/:slug" element={<NetworkLayout />}>
          <Route index element={<NetworkHomePage />} />
          <Route path="agreement" element={<AgreementPage />} />
          <Route path="agreement/history/:kind" element={<DocumentHistoryPage />} />
          <Route path="agreement/publish/:kind" element={signedIn(<PublishDocumentPage />)} />
          <Route path="agreement/acceptances" element={signedIn(<AcceptancesPage />)} />
          <Route path="discussions" element={signedIn(<DiscussionsPage />)} />
          <Route path="discussions/new" element={signedIn(<NewTopicPage />)} />
          <Route path="discussions/:topicId" element={signedIn(<TopicPage />)} />
          <Route path="members" element={signedIn(<MembersPage />)} />
          <Route path="members/:userId/record" element={signedIn(<RecordPage />)} />
          <Route path="directory" element={signedIn(<DirectoryPage />)} />
          <Route path="directory/:userId" element={signedIn(<PersonPage />)} />
          <Route path="office" element={<OfficePage />} />
          <Route path="partners" element={<PartnersPage />} />
          <Route path="invitations" element={signedIn(<InvitationsPage />)} />
          <Route path="applications" element={signedIn(<ApplicationsPage />)} />
          <Route path="audit" element={signedIn(<AuditPage />)} />
          <Route path="progression" element={signedIn(<ProgressionPage />)} />
          <Route path="settings" element={signedIn(<SettingsPage />)} />
          <Route path="resources" element={signedIn(<ResourcesPage />)} />
          <Route path="resources/new" element={signedIn(<ResourceEditorPage />)} />
          <Route path="resources/:id" element={signedIn(<ResourcePage />)} />
          <Route path="resources/:id/edit" element={signedIn(<ResourceEditorPage />)} />
          <Route path="resources/:id/history" element={signedIn(<ResourceHistoryPage />)} />
          <Route path="mooc" element={signedIn(<MoocSessionsPage />)} />
          <Route path="mooc/:sessionId" element={signedIn(<MoocSessionPage />)} />
          <Route path="roadmap" element={signedIn(<RoadmapPage />)} />
          <Route path="goals" element={signedIn(<GoalsPage />)} />
          <Route path="goals/:goalId" element={signedIn(<GoalPage />)} />
          <Route path="reports" element={signedIn(<ImpactReportPage />)} />
          <Route path="privacy-check" element={signedIn(<PrivacyCheckPage />)} />
          <Route path="buddies" element={signedIn(<BuddiesPage />)} />
          <Route path="support" element={signedIn(<SupportPage />)} />
          <Route path="support/new" element={signedIn(<AskPage />)} />
          <Route path="support/:requestId" element={signedIn(<RequestPage />)} />
          <Route path="events" element={signedIn(<EventsPage />)} />
          <Route path="events/new" element={signedIn(<EventEditorPage />)} />
          <Route path="events/:eventId" element={signedIn(<EventPage />)} />
          <Route path="events/:eventId/edit" element={signedIn(<EventEditorPage />)} />
          <Route path="health" element={signedIn(<HealthPage />)} />
        </Route>
        <Route path="messages" element={signedIn(<ConversationsPage />)} />
        <Route path="messages/:id" element={signedIn(<ChatPage />)} />
        <Route path="notifications" element={signedIn(<NotificationsPage />)} />
        <Route path="search" element={signedIn(<SearchPage />)} />
        <Route path="unsubscribe" element={<UnsubscribePage />} />
        <Route path="privacy" element={<LegalTextPage />} />
        <Route path="terms" element={<LegalTextPage />} />
        <Route path="invitations/:token" element={<InvitationPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
