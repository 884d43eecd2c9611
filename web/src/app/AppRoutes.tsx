import { lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { AppShell } from '../components/AppShell.tsx';
import { RequireAuth, RequireGuest } from './guards.tsx';

// Every page is its own chunk: the first visit downloads only the shell and the page it opens.
const LandingPage = lazy(() => import('../features/landing/LandingPage.tsx'));
const SignUpPage = lazy(() => import('../features/auth/SignUpPage.tsx'));
const CheckMailPage = lazy(() => import('../features/auth/CheckMailPage.tsx'));
const VerifyEmailPage = lazy(() => import('../features/auth/VerifyEmailPage.tsx'));
const SignInPage = lazy(() => import('../features/auth/SignInPage.tsx'));
const ForgotPasswordPage = lazy(() => import('../features/auth/ForgotPasswordPage.tsx'));
const ResetPasswordPage = lazy(() => import('../features/auth/ResetPasswordPage.tsx'));
const SetupPage = lazy(() => import('../features/setup/SetupPage.tsx'));
const HomePage = lazy(() => import('../features/home/HomePage.tsx'));
const AccountPage = lazy(() => import('../features/users/AccountPage.tsx'));
const JobsPage = lazy(() => import('../features/operations/JobsPage.tsx'));
const ModerationPage = lazy(() => import('../features/moderation/ModerationPage.tsx'));
const NotFoundPage = lazy(() => import('../components/NotFoundPage.tsx'));
const ProfilePage = lazy(() => import('../features/profiles/ProfilePage.tsx'));
const CreateOrganisationPage = lazy(() => import('../features/organisations/CreateOrganisationPage.tsx'));
const OrganisationPage = lazy(() => import('../features/organisations/OrganisationPage.tsx'));
const FoundNetworkPage = lazy(() => import('../features/networks/FoundNetworkPage.tsx'));
const ExploreNetworksPage = lazy(() => import('../features/networks/ExploreNetworksPage.tsx'));
const NetworkLayout = lazy(() => import('../features/networks/NetworkLayout.tsx'));
const NetworkHomePage = lazy(() => import('../features/networks/NetworkHomePage.tsx'));
const AgreementPage = lazy(() => import('../features/documents/AgreementPage.tsx'));
const DocumentHistoryPage = lazy(() => import('../features/documents/DocumentHistoryPage.tsx'));
const PublishDocumentPage = lazy(() => import('../features/documents/PublishDocumentPage.tsx'));
const AcceptancesPage = lazy(() => import('../features/documents/AcceptancesPage.tsx'));
const MembersPage = lazy(() => import('../features/members/MembersPage.tsx'));
const DirectoryPage = lazy(() => import('../features/profiles/DirectoryPage.tsx'));
const PersonPage = lazy(() => import('../features/profiles/PersonPage.tsx'));
const OfficePage = lazy(() => import('../features/office/OfficePage.tsx'));
const InvitationsPage = lazy(() => import('../features/invitations/InvitationsPage.tsx'));
const ApplicationsPage = lazy(() => import('../features/applications/ApplicationsPage.tsx'));
const AuditPage = lazy(() => import('../features/members/AuditPage.tsx'));
const ProgressionPage = lazy(() => import('../features/progression/ProgressionPage.tsx'));
const SettingsPage = lazy(() => import('../features/networks/SettingsPage.tsx'));
const DiscussionsPage = lazy(() => import('../features/discussions/DiscussionsPage.tsx'));
const NewTopicPage = lazy(() => import('../features/discussions/NewTopicPage.tsx'));
const TopicPage = lazy(() => import('../features/discussions/TopicPage.tsx'));
const ConversationsPage = lazy(() => import('../features/messages/ConversationsPage.tsx'));
const ChatPage = lazy(() => import('../features/messages/ChatPage.tsx'));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage.tsx'));
const UnsubscribePage = lazy(() => import('../features/notifications/UnsubscribePage.tsx'));
const SearchPage = lazy(() => import('../features/search/SearchPage.tsx'));
const InvitationPage = lazy(() => import('../features/invitations/InvitationPage.tsx'));
const MoocSessionsPage = lazy(() => import('../features/mooc/MoocSessionsPage.tsx'));
const MoocSessionPage = lazy(() => import('../features/mooc/MoocSessionPage.tsx'));
const RoadmapPage = lazy(() => import('../features/roadmap/RoadmapPage.tsx'));
const GoalsPage = lazy(() => import('../features/goals/GoalsPage.tsx'));
const GoalPage = lazy(() => import('../features/goals/GoalPage.tsx'));
const PrivacyCheckPage = lazy(() => import('../features/privacy/PrivacyCheckPage.tsx'));
const BuddiesPage = lazy(() => import('../features/buddies/BuddiesPage.tsx'));
const SupportPage = lazy(() => import('../features/help/SupportPage.tsx'));
const AskPage = lazy(() => import('../features/help/AskPage.tsx'));
const RequestPage = lazy(() => import('../features/help/RequestPage.tsx'));
const ResourcesPage = lazy(() => import('../features/resources/ResourcesPage.tsx'));
const ResourcePage = lazy(() => import('../features/resources/ResourcePage.tsx'));
const ResourceEditorPage = lazy(() => import('../features/resources/ResourceEditor.tsx'));
const ResourceHistoryPage = lazy(() => import('../features/resources/HistoryPage.tsx'));
const EventsPage = lazy(() => import('../features/events/EventsPage.tsx'));
const EventPage = lazy(() => import('../features/events/EventPage.tsx'));
const EventEditorPage = lazy(() => import('../features/events/EventEditorPage.tsx'));
const HealthPage = lazy(() => import('../features/network-health/HealthPage.tsx'));
const MyLogPage = lazy(() => import('../features/activities/MyLogPage.tsx'));
const ImpactReportPage = lazy(() => import('../features/activities/ImpactReportPage.tsx'));
const PublicDirectoryPage = lazy(() => import('../features/directory/DirectoryPage.tsx'));
const DirectoryEntryPage = lazy(() => import('../features/directory/EntryPage.tsx'));

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
        <Route path="moderation" element={signedIn(<ModerationPage />)} />
        <Route path="profile" element={signedIn(<ProfilePage />)} />
        <Route path="log" element={signedIn(<MyLogPage />)} />
        <Route path="organisations/new" element={signedIn(<CreateOrganisationPage />)} />
        <Route path="organisations/:slug" element={<OrganisationPage />} />
        <Route path="organisations/:slug/networks/new" element={signedIn(<FoundNetworkPage />)} />
        <Route path="networks" element={<ExploreNetworksPage />} />
        <Route path="directory" element={<PublicDirectoryPage />} />
        <Route path="directory/:id" element={<DirectoryEntryPage />} />
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
          <Route path="directory" element={signedIn(<DirectoryPage />)} />
          <Route path="directory/:userId" element={signedIn(<PersonPage />)} />
          <Route path="office" element={<OfficePage />} />
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
        <Route path="invitations/:token" element={<InvitationPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
