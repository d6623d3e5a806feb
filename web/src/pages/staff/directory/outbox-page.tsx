import { A, createAsync, useAction } from "@solidjs/router";
import { createSignal, For, onMount, Show } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { Loadable, Refusal } from "../../../components/notice.tsx";
import { formatInstantIn, formatParisInstant } from "../../../lib/dates.ts";
import { useStaffUser } from "../staff-area.tsx";
import { getUndeliveredMessages, resendMessage, type UndeliveredMessage } from "./admin-api.ts";
import { AdminPage } from "./directory-area.tsx";
import { messageStatus, messageTitle } from "./outbox-words.ts";

/**
 * `/espace/annuaire/messages` (structure admins and the Région): the e-mails and SMS that did not
 * reach their person — given up, or still failing after several attempts — and a way to send
 * each one again once the address or number is corrected.
 */
export default function OutboxPage() {
  return (
    <AdminPage
      title="Messages non parvenus"
      lead={
        <>
          Les courriels et SMS qui n'ont pas pu être remis à leur destinataire, ou qui échouent depuis plusieurs tentatives.
          Corrigez l'adresse ou le numéro de la personne si besoin, puis renvoyez. Pour une personne sans autre moyen de contact,
          appelez-la.
        </>
      }
    >
      <Loadable
        loading="Chargement des messages…"
        failure="Les messages non parvenus n'ont pas pu être chargés."
        queryKey={getUndeliveredMessages.key}
      >
        <Messages />
      </Loadable>
    </AdminPage>
  );
}

/** The server answers 200 messages at most: a full page means there may be more. */
const MESSAGE_LIMIT = 200;

function Messages() {
  const messages = createAsync(() => getUndeliveredMessages());
  const user = useStaffUser();
  // The page of a meeting is in the agenda, which a Région account without a structure does not open.
  const seesMeetings = () => user().areas.includes("agenda");
  const count = () => messages()?.length ?? 0;
  return (
    <Show when={count() > 0} fallback={<p>Aucun message en échec.</p>}>
      <p>
        {count() >= MESSAGE_LIMIT
          ? `Les ${MESSAGE_LIMIT} plus récents, du plus récent au plus ancien.`
          : `${count() === 1 ? "1 message" : `${count()} messages`}, du plus récent au plus ancien.`}
      </p>
      <ul class="directory-rows">
        <For each={messages()}>{(message) => <MessageRow message={message} seesMeetings={seesMeetings()} />}</For>
      </ul>
    </Show>
  );
}

type Sent = { kind: "idle" } | { kind: "sending" } | { kind: "resent" } | { kind: "refused"; message: string; gone: boolean };

function MessageRow(props: { message: UndeliveredMessage; seesMeetings: boolean }) {
  const resend = useAction(resendMessage);
  const [sent, setSent] = createSignal<Sent>({ kind: "idle" });
  // Whether what is said in the button's place takes the focus: only when the button had it.
  const [takesFocus, setTakesFocus] = createSignal(false);
  const title = () => messageTitle(props.message);
  const refused = () => {
    const state = sent();
    return state.kind === "refused" ? state : undefined;
  };
  // The button goes once there is nothing left for it to do: the message is on its way, or the
  // server no longer holds it as undelivered (sent meanwhile). Pressing it again after any other
  // refusal (no answer, a server unavailable) may work.
  const buttonGone = () => sent().kind === "resent" || refused()?.gone === true;
  let button: HTMLButtonElement | undefined;

  async function send() {
    if (sent().kind === "sending") return;
    setSent({ kind: "sending" });
    const outcome = await resend(props.message.id);
    const focus = document.activeElement;
    setTakesFocus(focus === button || focus === document.body || focus === null);
    setSent(outcome.kind === "done" ? { kind: "resent" } : { kind: "refused", message: outcome.message, gone: outcome.gone });
  }

  return (
    <li class="directory-row">
      <h2 class="directory-row__title">{title()}</h2>
      <dl class="directory-facts">
        <dt>Destinataire</dt>
        <dd class="outbox-raw">{props.message.recipient}</dd>
        <Show when={props.message.appointment}>
          {(meeting) => (
            <>
              <dt>Personne</dt>
              <dd>{meeting().person}</dd>
              <dt>Rendez-vous</dt>
              <dd>
                <Show when={props.seesMeetings} fallback={formatInstantIn(meeting().start, meeting().zone)}>
                  <A href={`/espace/rendez-vous/${meeting().id}`}>{formatInstantIn(meeting().start, meeting().zone)}</A>
                </Show>
                , {meeting().structure}
              </dd>
            </>
          )}
        </Show>
        <dt>Message du</dt>
        <dd>{formatParisInstant(props.message.createdAt)}</dd>
        <dt>État</dt>
        <dd>{messageStatus(props.message)}</dd>
        <Show when={props.message.lastError}>
          {(error) => (
            <>
              <dt>Dernière erreur</dt>
              <dd>
                <code class="outbox-raw">{error()}</code>
              </dd>
            </>
          )}
        </Show>
      </dl>
      <Show
        when={!buttonGone()}
        fallback={
          <Show
            when={refused()}
            fallback={
              <Said role="status" class="outbox-said" text={"Renvoyé\u00a0: part dans un instant."} focus={takesFocus()} />
            }
          >
            {(refusal) => <Said role="alert" class="field__error" text={refusal().message} focus={takesFocus()} />}
          </Show>
        }
      >
        <div class="directory__actions">
          <Button
            variant="secondary"
            onClick={send}
            aria-disabled={sent().kind === "sending"}
            ref={(element: HTMLButtonElement) => {
              button = element;
            }}
          >
            Renvoyer
            <span class="visually-hidden">
              {" "}
              le message «&nbsp;{title()}&nbsp;» à {props.message.recipient}
            </span>
          </Button>
        </div>
        <Refusal message={refused()?.message} />
      </Show>
    </li>
  );
}

/** What became of the message, said where its button was; it takes the focus the button had (`focus`). */
function Said(props: { role: "status" | "alert"; class: string; text: string; focus: boolean }) {
  let element!: HTMLParagraphElement;
  onMount(() => {
    if (props.focus) element.focus();
  });
  return (
    <p class={props.class} role={props.role} tabindex="-1" ref={element}>
      {props.text}
    </p>
  );
}
