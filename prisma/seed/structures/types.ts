import type { SproRole } from "../../../server/db/generated/client.ts";
import type { NetworkSlug } from "../networks.ts";
import type { StructureOfferings } from "../offerings.ts";

/** The communes a structure serves, as the union of whole areas minus a few communes. */
export interface Sectorisation {
  region?: true;
  departments?: string[];
  territories?: string[];
  epcis?: string[];
  /** Commune names, "Senlis (60)" when the name exists in several départements. */
  communes?: string[];
  /** Communes served by a neighbouring structure of the same network. */
  except?: string[];
}

export interface SiteDef {
  /** Stable within its structure: part of the site's id. */
  key: string;
  name: string;
  address: string;
  /** One of the commune's postcodes. */
  postcode: string;
  /** Commune name, "Senlis (60)" when ambiguous. */
  commune: string;
  /** In French, shown to the public: transport, parking, step-free access. */
  access: string;
  phone?: string;
}

export interface StructureDef {
  slug: string;
  name: string;
  network: NetworkSlug;
  roles: SproRole[];
  description: string;
  serves: Sectorisation;
  sites: SiteDef[];
  /** Defaults to the network's usual team size (see advisors.ts). */
  advisors?: number;
  reception?: number;
  offerings?: StructureOfferings;
}
