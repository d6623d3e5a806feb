// The staff space as one chunk, loaded on its first page: it is small, and one chunk keeps the
// bundler from splitting what the public pages share with it out of their own bundle.
export { default as AccountPage } from "./account-page.tsx";
export { default as AgendaPage } from "./agenda/agenda-page.tsx";
export { default as AppointmentPage } from "./agenda/appointment-page.tsx";
export { default as DeskConfirmationPage } from "./agenda/desk-confirmation-page.tsx";
export { default as DeskPage } from "./agenda/desk-page.tsx";
export { default as AvailabilityPage } from "./availability/availability-page.tsx";
export { default as DashboardsPage } from "./dashboards/dashboards-page.tsx";
export { default as AccountsPage } from "./directory/accounts-page.tsx";
export { default as AuditPage } from "./directory/audit-page.tsx";
export { default as DirectoryArea } from "./directory/directory-area.tsx";
export { default as DirectoryPage } from "./directory/directory-page.tsx";
export { default as FaqAdminPage } from "./directory/faq-admin-page.tsx";
export { default as NetworksPage } from "./directory/networks-page.tsx";
export { default as PrivacySettingsPage } from "./directory/privacy-settings-page.tsx";
export { default as RoutingRulesPage } from "./directory/routing-rules-page.tsx";
export { default as StructurePage } from "./directory/structure-page.tsx";
export { default as TerritoriesPage } from "./directory/territories-page.tsx";
export { default as ForgottenPasswordPage } from "./forgotten-password-page.tsx";
export { default as PasswordLinkPage } from "./password-link-page.tsx";
export { default as PersonPage } from "./privacy/person-page.tsx";
export { default as NewReferralPage } from "./referrals/new-referral-page.tsx";
export { default as ReferralPage } from "./referrals/referral-page.tsx";
export { default as ReferralsPage } from "./referrals/referrals-page.tsx";
export { default as SignInPage } from "./sign-in-page.tsx";
export { getMe } from "./staff-api.ts";
export { default as StaffArea } from "./staff-area.tsx";
export { default as StaffHomePage } from "./staff-home-page.tsx";
