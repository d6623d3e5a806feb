import type { RouteDefinition } from "@solidjs/router";
import { getFirstSlots, getServices, getStructures } from "./lib/api.ts";
import { readBookingState } from "./pages/booking/booking-href.ts";
import { BookingPage } from "./pages/booking/booking-page.tsx";
import { NotFoundPage } from "./pages/errors/not-found-page.tsx";
import { HomePage } from "./pages/home/home-page.tsx";
import { AccessibilityPage } from "./pages/legal/accessibility-page.tsx";
import { LegalNoticePage } from "./pages/legal/legal-notice-page.tsx";
import { PrivacyPage } from "./pages/legal/privacy-page.tsx";

// The public pages, booking flow included, are small enough to ship as one bundle (about 33 kB
// gzipped, budget 60): no lazy() until a page is heavy, which would add a round trip.
// `preload` starts the requests on link hover and before the page renders.
export const routes: RouteDefinition[] = [
  { path: "/", component: HomePage, preload: () => void getServices() },
  {
    path: "/rendez-vous",
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
  { path: "/accessibilite", component: AccessibilityPage },
  { path: "/donnees-personnelles", component: PrivacyPage },
  { path: "/mentions-legales", component: LegalNoticePage },
  { path: "*", component: NotFoundPage },
];
