import type { RouteDefinition } from "@solidjs/router";
import { lazy } from "solid-js";
import { getFirstSlots, getManagedAppointment, getServices, getStructures } from "./lib/api.ts";
import { pastedToken } from "./lib/private-link.ts";
import { below, PAGES } from "./page-paths.ts";
import { readBookingState } from "./pages/booking/booking-href.ts";
import { BookingPage } from "./pages/booking/booking-page.tsx";
import { ConfirmationPage } from "./pages/booking/confirmation-page.tsx";
import { NotFoundPage } from "./pages/errors/not-found-page.tsx";
import { HomePage } from "./pages/home/home-page.tsx";

// The public pages, booking flow included, ship as one bundle: no lazy() for them, which would
// add a round trip; the legal pages, reached from the footer, load on their own. The page of the private link is reached from an e-mail, rarely while
// booking, and brings the dialog primitives: it loads on its own (its data starts loading at
// the same time, through `preload`). `preload` also starts requests on link hover.
const legalPages = () => import("./pages/legal/legal-pages.ts");
const AccessibilityPage = lazy(() => legalPages().then((pages) => ({ default: pages.AccessibilityPage })));
const PrivacyPage = lazy(() => legalPages().then((pages) => ({ default: pages.PrivacyPage })));
const LegalNoticePage = lazy(() => legalPages().then((pages) => ({ default: pages.LegalNoticePage })));
const ManagePage = lazy(() => import("./pages/manage/manage-page.tsx"));
// The staff space is for a few hundred people: none of it ships with the public pages. It is one
// chunk: several would make the bundler move what they share with the public pages into a chunk
// of its own, a second file (and a larger total) for every public page.
const staffPages = () => import("./pages/staff/staff-pages.ts");
const SignInPage = lazy(() => staffPages().then((pages) => ({ default: pages.SignInPage })));
const ForgottenPasswordPage = lazy(() => staffPages().then((pages) => ({ default: pages.ForgottenPasswordPage })));
const PasswordLinkPage = lazy(() => staffPages().then((pages) => ({ default: pages.PasswordLinkPage })));
const JoinStructurePage = lazy(() => staffPages().then((pages) => ({ default: pages.JoinStructurePage })));
const StaffArea = lazy(() => staffPages().then((pages) => ({ default: pages.StaffArea })));
const StaffHomePage = lazy(() => staffPages().then((pages) => ({ default: pages.StaffHomePage })));
const AccountPage = lazy(() => staffPages().then((pages) => ({ default: pages.AccountPage })));
const DirectoryArea = lazy(() => staffPages().then((pages) => ({ default: pages.DirectoryArea })));
const DirectoryPage = lazy(() => staffPages().then((pages) => ({ default: pages.DirectoryPage })));
const StructurePage = lazy(() => staffPages().then((pages) => ({ default: pages.StructurePage })));
const NetworksPage = lazy(() => staffPages().then((pages) => ({ default: pages.NetworksPage })));
const TerritoriesPage = lazy(() => staffPages().then((pages) => ({ default: pages.TerritoriesPage })));
const AccountsPage = lazy(() => staffPages().then((pages) => ({ default: pages.AccountsPage })));
const AuditPage = lazy(() => staffPages().then((pages) => ({ default: pages.AuditPage })));
const OutboxPage = lazy(() => staffPages().then((pages) => ({ default: pages.OutboxPage })));
const AgendaPage = lazy(() => staffPages().then((pages) => ({ default: pages.AgendaPage })));
const AppointmentPage = lazy(() => staffPages().then((pages) => ({ default: pages.AppointmentPage })));
const SessionPage = lazy(() => staffPages().then((pages) => ({ default: pages.SessionPage })));
const WaitlistPage = lazy(() => staffPages().then((pages) => ({ default: pages.WaitlistPage })));
const AppointmentConfirmationPage = lazy(() => staffPages().then((pages) => ({ default: pages.AppointmentConfirmationPage })));
const AvailabilityPage = lazy(() => staffPages().then((pages) => ({ default: pages.AvailabilityPage })));
const DeskPage = lazy(() => staffPages().then((pages) => ({ default: pages.DeskPage })));
const DeskConfirmationPage = lazy(() => staffPages().then((pages) => ({ default: pages.DeskConfirmationPage })));
const RoutingRulesPage = lazy(() => staffPages().then((pages) => ({ default: pages.RoutingRulesPage })));
const ReferralsPage = lazy(() => staffPages().then((pages) => ({ default: pages.ReferralsPage })));
const NewReferralPage = lazy(() => staffPages().then((pages) => ({ default: pages.NewReferralPage })));
const ReferralPage = lazy(() => staffPages().then((pages) => ({ default: pages.ReferralPage })));
// The guide's pages (questionnaire, directory, questions and answers) are one chunk of their
// own: read before booking, not on the way, they do not weigh on the booking page.
const guidePages = () => import("./pages/guide/guide-pages.ts");
const OrientationPage = lazy(() => guidePages().then((pages) => ({ default: pages.OrientationPage })));
const DirectorySearchPage = lazy(() => guidePages().then((pages) => ({ default: pages.DirectorySearchPage })));
const DirectoryStructurePage = lazy(() => guidePages().then((pages) => ({ default: pages.DirectoryStructurePage })));
const FaqPage = lazy(() => guidePages().then((pages) => ({ default: pages.FaqPage })));
const linkPages = () => import("./pages/guide/link-pages.ts");
const InvitationPage = lazy(() => linkPages().then((pages) => ({ default: pages.InvitationPage })));
// « Retrouver mon rendez-vous », for whoever lost their private link: in the guide's chunk, which
// already brings all it needs. A chunk of its own would take only part of the chunks the public
// pages share (the fields without the meeting details, the buttons without the dates), and the
// bundler would split those: two files and 0.7 kB more on every public page.
const FindMeetingPage = lazy(() => linkPages().then((pages) => ({ default: pages.FindMeetingPage })));
// The waiting list's pages (an offer of freed time, a place on the list) are reached from a
// message, never while booking: a chunk of their own.
const waitlistPages = () => import("./pages/waitlist/waitlist-pages.ts");
const OfferPage = lazy(() => waitlistPages().then((pages) => ({ default: pages.OfferPage })));
const EntryPage = lazy(() => waitlistPages().then((pages) => ({ default: pages.EntryPage })));
// The statistics are read apart from the guide: a chunk of their own, and the charting library
// comes later still, with the first chart (components/charts).
const StatisticsPage = lazy(() => import("./pages/statistics/statistics-page.tsx"));
const DashboardsPage = lazy(() => staffPages().then((pages) => ({ default: pages.DashboardsPage })));
const FaqAdminPage = lazy(() => staffPages().then((pages) => ({ default: pages.FaqAdminPage })));
const PersonPage = lazy(() => staffPages().then((pages) => ({ default: pages.PersonPage })));
const PrivacySettingsPage = lazy(() => staffPages().then((pages) => ({ default: pages.PrivacySettingsPage })));

// Each path comes from page-paths.ts, which the server reads too: it answers 404 outside them.
const inStaff = below(PAGES.staff);
const inAdministration = below(PAGES.administration);

export const routes: RouteDefinition[] = [
  { path: PAGES.home, component: HomePage, preload: () => void getServices() },
  {
    path: PAGES.booking,
    component: BookingPage,
    preload: ({ location }) => {
      const state = readBookingState(location.query);
      void getServices();
      if (state.service && state.commune && !state.structure && state.step !== "1") {
        void getStructures(state.service, state.commune);
        void getFirstSlots({ service: state.service, commune: state.commune });
      }
    },
  },
  { path: PAGES.confirmation, component: ConfirmationPage },
  { path: PAGES.orientation, component: OrientationPage, preload: () => void guidePages() },
  {
    path: PAGES.directory,
    component: DirectorySearchPage,
    preload: ({ location }) =>
      void guidePages().then((pages) => {
        void pages.getDirectoryFilters();
        void pages.getDirectory(pages.readDirectorySearch(location.query));
      }),
  },
  {
    path: PAGES.directoryStructure,
    component: DirectoryStructurePage,
    preload: ({ params, location }) =>
      void guidePages().then((pages) => {
        if (params.slug) void pages.getDirectoryStructure(params.slug, pages.readDirectorySearch(location.query).commune);
      }),
  },
  // The link of an invitation holds its token in the fragment, which no server ever sees.
  { path: PAGES.invitation, component: InvitationPage, preload: () => void linkPages() },
  { path: PAGES.faq, component: FaqPage, preload: () => void guidePages().then((pages) => pages.getFaq()) },
  {
    path: PAGES.manage,
    component: ManagePage,
    preload: ({ params }) => {
      if (params.token) void getManagedAppointment(pastedToken(params.token));
    },
  },
  { path: PAGES.findMeeting, component: FindMeetingPage, preload: () => void linkPages() },
  { path: PAGES.offer, component: OfferPage, preload: () => void waitlistPages() },
  { path: PAGES.waitlistEntry, component: EntryPage, preload: () => void waitlistPages() },
  // /connexion asks /me too: someone already signed in goes on to their space.
  { path: PAGES.signIn, component: SignInPage, preload: () => void staffPages().then((pages) => pages.getMe()) },
  { path: PAGES.forgottenPassword, component: ForgottenPasswordPage },
  { path: PAGES.passwordLink, component: PasswordLinkPage },
  { path: PAGES.joinStructure, component: JoinStructurePage },
  {
    path: PAGES.staff,
    component: StaffArea,
    preload: () => void staffPages().then((pages) => pages.getMe()),
    children: [
      { path: inStaff(PAGES.staff), component: StaffHomePage },
      { path: inStaff(PAGES.account), component: AccountPage },
      { path: inStaff(PAGES.agenda), component: AgendaPage },
      { path: inStaff(PAGES.availability), component: AvailabilityPage },
      { path: inStaff(PAGES.appointment), component: AppointmentPage },
      { path: inStaff(PAGES.session), component: SessionPage },
      { path: inStaff(PAGES.appointmentConfirmation), component: AppointmentConfirmationPage },
      { path: inStaff(PAGES.waitlist), component: WaitlistPage },
      { path: inStaff(PAGES.desk), component: DeskPage },
      { path: inStaff(PAGES.deskConfirmation), component: DeskConfirmationPage },
      { path: inStaff(PAGES.referrals), component: ReferralsPage },
      { path: inStaff(PAGES.dashboards), component: DashboardsPage },
      { path: inStaff(PAGES.newReferral), component: NewReferralPage },
      { path: inStaff(PAGES.referral), component: ReferralPage },
      { path: inStaff(PAGES.person), component: PersonPage },
      {
        path: inStaff(PAGES.administration),
        component: DirectoryArea,
        children: [
          { path: inAdministration(PAGES.administration), component: DirectoryPage },
          { path: inAdministration(PAGES.structure), component: StructurePage },
          { path: inAdministration(PAGES.networks), component: NetworksPage },
          { path: inAdministration(PAGES.territories), component: TerritoriesPage },
          { path: inAdministration(PAGES.faqAdmin), component: FaqAdminPage },
          { path: inAdministration(PAGES.routingRules), component: RoutingRulesPage },
          { path: inAdministration(PAGES.accounts), component: AccountsPage },
          { path: inAdministration(PAGES.audit), component: AuditPage },
          { path: inAdministration(PAGES.outbox), component: OutboxPage },
          { path: inAdministration(PAGES.privacySettings), component: PrivacySettingsPage },
        ],
      },
    ],
  },
  { path: PAGES.statistics, component: StatisticsPage },
  { path: PAGES.accessibility, component: AccessibilityPage },
  { path: PAGES.privacy, component: PrivacyPage },
  { path: PAGES.legalNotice, component: LegalNoticePage },
  { path: "*", component: NotFoundPage },
];
