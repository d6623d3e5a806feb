import { createSignal, lazy, Show, untrack } from "solid-js";
import { Button } from "../../components/button.tsx";
import type { ManagedAppointment } from "../../lib/api.ts";

// The list's forms come with the person's first step towards them, or at once when they are on
// it, in the chunk of the waiting list's pages: the private link's page has a budget
// (tests/e2e/budget.test.ts), and a chunk of their own would split what they share with them.
const WaitlistPanel = lazy(() => import("../waitlist/waitlist-pages.ts").then((pages) => ({ default: pages.WaitlistPanel })));

/**
 * « Me prévenir si un créneau se libère plus tôt »: joining the waiting list from the meeting,
 * or, once on it, the wishes, the offers received, and the ways to change them or leave. Nothing
 * when the meeting cannot wait for earlier time (within two days, a collective session).
 */
export function WaitlistSection(props: { token: string; managed: ManagedAppointment }) {
  // Once shown, the panel stays, to say what was done (left the list: its form is back);
  // « opened »: by the button, whose focus it takes.
  const [panel, setPanel] = createSignal<"opened" | "shown" | undefined>(
    untrack(() => (props.managed.waitlist ? "shown" : undefined)),
  );
  return (
    <Show when={props.managed.waitlist || !props.managed.waitlistProblem}>
      <section class="manage__section" aria-labelledby="waitlist-title">
        <h2 id="waitlist-title" tabindex="-1">
          Me prévenir si un créneau se libère plus tôt
        </h2>
        <Show
          when={props.managed.waitlist || panel()}
          fallback={
            <>
              <p>Si un créneau plus tôt se libère, il peut vous être proposé par message.</p>
              <Button variant="secondary" onClick={() => setPanel("opened")}>
                M'inscrire sur la liste d'attente
              </Button>
            </>
          }
        >
          <WaitlistPanel
            token={props.token}
            managed={props.managed}
            opened={panel() === "opened"}
            onAnswered={() => setPanel("shown")}
          />
        </Show>
      </section>
    </Show>
  );
}
