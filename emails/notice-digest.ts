import type { RenderedEmail } from "./appointment.ts";
import { type Block, render } from "./layout.ts";

/** A notice as it would have been e-mailed on its own. */
export interface HeldNotice {
  subject: string;
  text: string;
}

const FOOTER = "—";

/** A notice's own words: its text without its title (its subject says it) and the platform's footer. */
function bodyOf(notice: HeldNotice): string {
  const lines = notice.text.split("\n");
  const end = lines.lastIndexOf(FOOTER);
  return (end === -1 ? lines : lines.slice(0, end)).slice(1).join("\n").trim();
}

/**
 * To a staff user who chose the daily digest: the day's notices in one message, oldest first,
 * each under its subject, with what it would have said alone.
 */
export function noticeDigestEmail(notices: readonly HeldNotice[]): RenderedEmail {
  const count = notices.length === 1 ? "1 message" : `${notices.length} messages`;
  const blocks: Block[] = [
    {
      kind: "text",
      text: `Voici les messages d'hier sur vos rendez-vous et vos orientations, en un seul courriel comme vous l'avez choisi.`,
    },
    ...notices.flatMap((notice): Block[] => [
      { kind: "heading", text: notice.subject },
      { kind: "text", text: bodyOf(notice) },
    ]),
    { kind: "text", text: "Vous pouvez changer ce choix dans « Mon compte » de l'espace professionnel." },
  ];
  return render(`Votre résumé du jour : ${count}`, "Votre résumé du jour", blocks);
}
