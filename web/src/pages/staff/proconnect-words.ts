import { PROCONNECT_REFUSALS, type ProConnectRefusal } from "../../../../server/domain/proconnect.ts";

// What the sign-in page says when ProConnect's callback sends the browser back with a refusal
// (`?proconnect=…`, and the address the provider asserted for an unknown account).

const ASK_ADMIN = "demandez une invitation à l'administrateur de votre structure.";

const WORDS: Record<ProConnectRefusal, (address: string | undefined) => string> = {
  expiree: () => "Votre connexion avec ProConnect a expiré ou a déjà servi : recommencez.",
  inconnu: (address) => `Aucun compte n'existe pour l'adresse ${address ?? "donnée par ProConnect"} : ${ASK_ADMIN}`,
  desactive: () => "Votre compte est désactivé : adressez-vous à l'administrateur de votre structure.",
  "sans-role": () =>
    "Votre compte n'a encore accès à aucune structure : acceptez l'invitation reçue par courriel, ou demandez-en une à l'administrateur de votre structure.",
  erreur: () => "ProConnect n'a pas confirmé votre identité : réessayez, ou connectez-vous avec votre mot de passe.",
  indisponible: () => "ProConnect ne répond pas : connectez-vous avec votre mot de passe.",
};

const isRefusal = (code: unknown): code is ProConnectRefusal =>
  typeof code === "string" && (PROCONNECT_REFUSALS as readonly string[]).includes(code);

/** The page's message for `code` (the query's), or nothing when it names no refusal. */
export function proConnectRefusal(code: unknown, address: unknown): string | undefined {
  return isRefusal(code) ? WORDS[code](typeof address === "string" && address ? address : undefined) : undefined;
}
