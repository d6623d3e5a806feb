import type { AppointmentDetails } from "./appointment.ts";
import { when, where } from "./format.ts";
import type { Block } from "./layout.ts";

/** The facts of the meeting, the same in every message to the person. */
export function meetingBlocks(a: AppointmentDetails): Block[] {
  const facts: [string, string][] = [
    ["Quand", when(a)],
    ["Où", where(a)],
    ["Pour", a.service.name],
  ];
  if (a.mode === "onsite" && a.site?.accessInfo) facts.push(["Accès", a.site.accessInfo]);
  if (a.seats > 1) facts.push(["Format", "Réunion collective"]);
  if (a.accessibilityNeeds) facts.push(["Vos besoins d'aménagement", a.accessibilityNeeds]);
  const blocks: Block[] = [{ kind: "facts", facts }];
  if (a.instructions) blocks.push({ kind: "text", text: `À prévoir : ${a.instructions}` });
  return blocks;
}

/** How to reach the structure, and the private link when there is one. */
export function contactBlocks(a: AppointmentDetails): Block[] {
  const blocks: Block[] = [];
  if (a.manageUrl) {
    blocks.push({ kind: "link", label: "Déplacer ou annuler ce rendez-vous", url: a.manageUrl });
    blocks.push({ kind: "text", text: "Ce lien vous est personnel : ne le transmettez pas." });
  }
  const reach = [
    a.structure.phone && `par téléphone au ${a.structure.phone}`,
    a.structure.email && `par courriel à ${a.structure.email}`,
  ].filter(Boolean);
  if (reach.length) blocks.push({ kind: "text", text: `Une question ? Contactez ${a.structure.name} ${reach.join(" ou ")}.` });
  return blocks;
}
