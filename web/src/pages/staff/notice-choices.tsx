import { action, createAsync, json, query, useAction } from "@solidjs/router";
import { hc, type InferRequestType, type InferResponseType } from "hono/client";
import { createSignal, For, Show } from "solid-js";
import type { NoticesType } from "../../../../server/app.ts";
import { Button } from "../../components/button.tsx";
import { ChoicesField } from "../../components/fields.tsx";
import { Loadable } from "../../components/notice.tsx";
import { type Outcome, send, toApiError } from "../../lib/api.ts";

// « Mes courriels »: per kind of notice, every e-mail, a daily digest or none (server/features/notices).

const notices = hc<NoticesType>("/api/notices");
type Choices = InferResponseType<typeof notices.index.$get, 200>["choices"];
type Kind = Choices[number]["kind"];
type Delivery = Choices[number]["delivery"];
type Saved = InferResponseType<typeof notices.index.$put, 200>;

const getNoticeChoices = query(async (): Promise<Choices> => {
  const response = await notices.index.$get();
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).choices;
}, "noticeChoices");

const saveNoticeChoices = action(async (choices: InferRequestType<typeof notices.index.$put>["json"]["choices"]) => {
  const outcome: Outcome<Saved> = await send(() => notices.index.$put({ json: { choices } }), 200);
  return json(outcome, { revalidate: outcome.kind === "done" ? [getNoticeChoices.key] : [] });
}, "noticeChoicesSave");

/** Each kind in words: a new kind on the server breaks the build until named here. */
const KINDS: Record<Kind, string> = {
  agenda_booked: "Un rendez-vous est pris dans mon agenda",
  agenda_changed: "Un rendez-vous de mon agenda est déplacé ou annulé",
  referral_answered: "Une orientation que j'ai envoyée est refusée ou réorientée",
  referral_followed: "Une orientation que j'ai envoyée : son rendez-vous est annulé par la structure, ou son invitation a expiré",
};
const DELIVERIES: { value: Delivery; label: string }[] = [
  { value: "every", label: "Chaque courriel" },
  { value: "digest", label: "Un résumé par jour" },
  { value: "none", label: "Aucun courriel" },
];

/** The account page's section: which e-mails one gets about what others did, and how. */
export function NoticeChoicesSection() {
  return (
    <section class="staff__section" aria-labelledby="notices-title">
      <h2 id="notices-title">Mes courriels</h2>
      <p>
        Vous ne recevez jamais de courriel pour ce que vous avez fait vous-même. Pour le reste, choisissez pour chaque type de
        message&nbsp;: chaque courriel, un résumé par jour (envoyé la nuit), ou aucun.
      </p>
      <Loadable loading="Chargement de vos choix…" failure="Vos choix n'ont pas pu être chargés." queryKey={getNoticeChoices.key}>
        <NoticeForm />
      </Loadable>
    </section>
  );
}

function NoticeForm() {
  const saved = createAsync(() => getNoticeChoices());
  const save = useAction(saveNoticeChoices);
  const [changed, setChanged] = createSignal<Partial<Record<Kind, Delivery>>>({});
  const [sending, setSending] = createSignal(false);
  const [said, setSaid] = createSignal<string>();
  const deliveryOf = (kind: Kind) => changed()[kind] ?? saved()?.find((choice) => choice.kind === kind)?.delivery ?? "every";

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    setSending(true);
    setSaid(undefined);
    const outcome = await save((Object.keys(KINDS) as Kind[]).map((kind) => ({ kind, delivery: deliveryOf(kind) })));
    setSending(false);
    if (outcome.kind === "done") {
      setChanged({});
      setSaid("Vos choix de courriels sont enregistrés.");
    } else setSaid(outcome.message);
  }

  return (
    <Show when={saved()}>
      <form aria-labelledby="notices-title" onSubmit={submit}>
        <For each={Object.keys(KINDS) as Kind[]}>
          {(kind) => (
            <ChoicesField
              id={`courriels-${kind.replace("_", "-")}`}
              legend={KINDS[kind]}
              type="radio"
              options={DELIVERIES}
              selected={[deliveryOf(kind)]}
              onChange={([delivery]) => delivery && setChanged({ ...changed(), [kind]: delivery })}
            />
          )}
        </For>
        <p aria-live="polite">{said()}</p>
        <Button type="submit" disabled={sending()}>
          Enregistrer mes choix
        </Button>
      </form>
    </Show>
  );
}
