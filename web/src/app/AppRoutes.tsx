import { lazy } from 'react';
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
const AccountPage = lazy(() => import('../features/account/AccountPage.tsx'));
const NotFoundPage = lazy(() => import('../components/NotFoundPage.tsx'));

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
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
