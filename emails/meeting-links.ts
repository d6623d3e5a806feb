import type { AppointmentDetails, RenderedEmail } from "./appointment.ts";
import { day, time, when, where } from "./format.ts";
import { type Block, render } from "./layout.ts";

/** A meeting and its new private link. */
export type LinkedMeeting = AppointmentDetails & { manageUrl: string };

/**
 * To whoever asked for their links again (« Retrouver mon rendez-vous ») with the address the
 * meetings were booked with: each meeting still to come, soonest first, with its new private
 * link. The links sent before are dead: the message says so, and what to do if the request was
 * not theirs. An address several persons booked with (a parent for two children) lists the
 * meetings of each, with their name.
 */
export function meetingLinks(meetings: readonly LinkedMeeting[]): RenderedEmail {
  const [first] = meetings;
  if (!first) throw new Error("meetingLinks: no meeting to list");
  const names = new Set(meetings.map((a) => `${a.person.firstName} ${a.person.lastName}`));
  const one = meetings.length === 1;
  const title = `Bonjour${names.size === 1 ? ` ${first.person.firstName}` : ""}, ${one ? "voici votre rendez-vous à venir" : "voici vos rendez-vous à venir"}`;
  return render("Vos rendez-vous", title, [
    {
      kind: "text",
      text: one
        ? "Vous avez demandé à retrouver votre rendez-vous : voici un nouveau lien pour le déplacer ou l'annuler. Le lien reçu auparavant ne fonctionne plus."
        : "Vous avez demandé à retrouver vos rendez-vous : voici un nouveau lien pour déplacer ou annuler chacun d'eux. Les liens reçus auparavant ne fonctionnent plus.",
    },
    ...meetings.flatMap((a) => meetingBlock(a, names.size > 1)),
    {
      kind: "text",
      text: one
        ? "Ce lien vous est personnel : ne le transmettez pas."
        : "Ces liens vous sont personnels : ne les transmettez pas.",
    },
    {
      kind: "text",
      text: `Vous n'êtes pas à l'origine de cette demande ? ${
        one
          ? "Votre rendez-vous ne change pas : gardez ce message, son lien est désormais le seul valable."
          : "Vos rendez-vous ne changent pas : gardez ce message, ses liens sont désormais les seuls valables."
      }`,
    },
  ]);
}

function meetingBlock(a: LinkedMeeting, named: boolean): Block[] {
  const facts: [string, string][] = [
    ["Quand", when(a)],
    ["Où", where(a)],
    ["Pour", a.service.name],
  ];
  if (named) facts.push(["Au nom de", `${a.person.firstName} ${a.person.lastName}`]);
  const reach = [
    a.structure.phone && `par téléphone au ${a.structure.phone}`,
    a.structure.email && `par courriel à ${a.structure.email}`,
  ].filter(Boolean);
  return [
    { kind: "heading", text: `Rendez-vous du ${day(a.start, a.zone)} à ${time(a.start, a.zone)}` },
    { kind: "facts", facts },
    // The same words for each link: the heading above says which meeting (WCAG 2.4.4, in context).
    { kind: "link", label: "Déplacer ou annuler ce rendez-vous", url: a.manageUrl },
    ...(reach.length
      ? [{ kind: "text" as const, text: `Une question ? Contactez ${a.structure.name} ${reach.join(" ou ")}.` }]
      : []),
  ];
}
