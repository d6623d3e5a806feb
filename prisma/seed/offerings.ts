import type { NetworkSlug } from "./networks.ts";
import { type OfferingSettings, type ServiceSlug, serviceBySlug } from "./services.ts";

export type OfferingOverrides = Partial<OfferingSettings>;

/** A structure's adjustments: settings per service, `false` to leave out a service its network usually offers. */
export type StructureOfferings = Partial<Record<ServiceSlug, OfferingOverrides | false>>;

/**
 * What each network usually offers, and how it differs from the service's defaults
 * (a CEP first interview at APEC is for executives, at France Travail for job seekers).
 * Partners refer people but have no calendar, hence no offering.
 */
const NETWORK_OFFERINGS: Record<NetworkSlug, Partial<Record<ServiceSlug, OfferingOverrides>>> = {
  apec: {
    "recherche-emploi-cadre": {},
    "cep-premier-entretien": { modes: ["video", "phone", "onsite"], situations: ["executive", "employee", "job_seeker"] },
  },
  "cap-emploi": {
    "accompagnement-handicap-emploi": {},
    "cep-premier-entretien": {
      modes: ["onsite", "phone"],
      instructions: "Si vous l'avez, apportez la notification de votre RQTH et votre CV.",
    },
  },
  cibc: {
    "bilan-competences-information": {},
    "information-conseil-vae": {},
    "reunion-information-vae": {},
  },
  cio: {
    "entretien-orientation-cio": {},
    "information-metiers-formations": { modes: ["onsite", "phone"] },
  },
  eif: {
    "information-metiers-formations": {},
    "financement-formation": {},
    "atelier-decouverte-metiers": {},
  },
  "transitions-pro": {
    "projet-transition-professionnelle": {},
    "bilan-competences-information": { situations: ["employee"], modes: ["phone", "video"] },
  },
  "missions-locales": {
    "accueil-jeunes-16-25": {},
    // Follow-up information meetings are booked by the young person's advisor, not online.
    "information-metiers-formations": { minAge: 16, maxAge: 25, bookableBy: "staff", modes: ["onsite", "phone"] },
  },
  opacif: {
    "cep-premier-entretien": { modes: ["phone", "video", "onsite"], situations: ["employee", "self_employed", "retired"] },
    "bilan-competences-information": { situations: ["employee", "self_employed"] },
  },
  "france-travail": {
    "cep-premier-entretien": { situations: ["job_seeker", "rsa_beneficiary"], horizonDays: 30 },
    // Training funding (AIF, CPF top-up) is discussed with a person's own advisor.
    "financement-formation": { bookableBy: "staff", situations: ["job_seeker", "rsa_beneficiary"] },
    "information-metiers-formations": { modes: ["onsite", "phone"] },
  },
  "information-jeunesse": {
    "information-metiers-formations": { modes: ["onsite", "phone", "video"], minNoticeMinutes: 120 },
    "atelier-decouverte-metiers": {},
  },
  universites: {
    "orientation-etudiants": {},
    "information-conseil-vae": { situations: ["employee", "job_seeker", "self_employed", "executive"] },
  },
  "pic-vae": {
    "information-conseil-vae": {},
    "reunion-information-vae": {},
  },
  ccas: {},
  "centres-sociaux": {},
  psad: {},
  "referents-rsa": {},
};

export interface ResolvedOffering extends OfferingSettings {
  serviceSlug: ServiceSlug;
}

/** The offerings of one structure: its network's, adjusted by the structure's own settings. */
export function offeringsFor(network: NetworkSlug, own: StructureOfferings = {}): ResolvedOffering[] {
  const merged: Partial<Record<ServiceSlug, OfferingOverrides | false>> = { ...NETWORK_OFFERINGS[network] };
  for (const [slug, settings] of Object.entries(own) as [ServiceSlug, OfferingOverrides | false][]) {
    const base = merged[slug];
    merged[slug] = settings === false ? false : { ...(base || {}), ...settings };
  }
  const result: ResolvedOffering[] = [];
  for (const [slug, settings] of Object.entries(merged) as [ServiceSlug, OfferingOverrides | false][]) {
    if (settings === false) continue;
    const service = serviceBySlug.get(slug);
    if (!service) throw new Error(`Service inconnu : ${slug}`);
    result.push({ ...service.defaults, ...settings, serviceSlug: slug });
  }
  return result;
}

/** A collective session has its own time slots, run by one advisor, never mixed with individual meetings. */
export const isCollective = (offering: ResolvedOffering) => offering.seats > 1;
