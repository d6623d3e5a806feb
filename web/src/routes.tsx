import type { RouteDefinition } from "@solidjs/router";
import { getServices } from "./lib/api.ts";
import { BookingPage } from "./pages/booking/booking-page.tsx";
import { NotFoundPage } from "./pages/errors/not-found-page.tsx";
import { HomePage } from "./pages/home/home-page.tsx";
import { AccessibilityPage } from "./pages/legal/accessibility-page.tsx";
import { LegalNoticePage } from "./pages/legal/legal-notice-page.tsx";
import { PrivacyPage } from "./pages/legal/privacy-page.tsx";

// The public pages are small enough to ship as one bundle: no lazy() until a page is heavy.
// `preload` starts the request on link hover and before the page renders.
export const routes: RouteDefinition[] = [
  { path: "/", component: HomePage, preload: () => void getServices() },
  {
    path: "/rendez-vous",
    component: BookingPage,
    preload: ({ location }) => {
      if (location.query.service) void getServices();
    },
  },
  { path: "/accessibilite", component: AccessibilityPage },
  { path: "/donnees-personnelles", component: PrivacyPage },
  { path: "/mentions-legales", component: LegalNoticePage },
  { path: "*", component: NotFoundPage },
];
