// The arrangements a person may ask for their meeting, as the booking form offers them and staff
// read them: one list for the API, the forms, the e-mails and the exports. They say what would
// help, never why (no diagnosis is asked).

export const ACCESSIBILITY_AIDS = ["wheelchair", "sign_language", "hearing_loop", "reading_help", "other"] as const;
export type AccessibilityAid = (typeof ACCESSIBILITY_AIDS)[number];

export const ACCESSIBILITY_AID_WORDS = {
  wheelchair: "Accès en fauteuil roulant",
  sign_language: "Interprète en langue des signes (LSF)",
  hearing_loop: "Boucle magnétique",
  reading_help: "Aide à la lecture",
  other: "Autre (précisé ci-dessous)",
} as const satisfies Record<AccessibilityAid, string>;

/** The arrangements as a form offers them, in this order. */
export const ACCESSIBILITY_AID_CHOICES = ACCESSIBILITY_AIDS.map((value) => ({ value, label: ACCESSIBILITY_AID_WORDS[value] }));

/**
 * The ticked arrangements and the free text in one line for staff and e-mails: « Accès en
 * fauteuil roulant ; Boucle magnétique ; Arrivée 10 minutes avant ». « Autre » says nothing the
 * text does not, so it shows only without one. Empty when nothing is asked.
 */
export function accessibilityWords(aids: readonly AccessibilityAid[], needs: string): string {
  const named = ACCESSIBILITY_AIDS.filter((aid) => aids.includes(aid) && !(aid === "other" && needs.trim()));
  return [...named.map((aid) => (aid === "other" ? "Autre besoin" : ACCESSIBILITY_AID_WORDS[aid])), needs.trim()]
    .filter(Boolean)
    .join(" ; ");
}
