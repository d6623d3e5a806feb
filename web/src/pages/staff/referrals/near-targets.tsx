import { createAsync } from "@solidjs/router";
import { Suspense } from "solid-js";
import { IdOptions, SelectField } from "../../../components/fields.tsx";
import { getServices } from "../../../lib/api.ts";
import { de } from "../../../lib/french.ts";
import { getReferralTargets, type ReferralTarget } from "./referrals-api.ts";

const NEAR: Record<NonNullable<ReferralTarget["closeness"]>["nearness"], string> = {
  commune: "même commune",
  epci: "même intercommunalité",
  arrondissement: "même arrondissement",
  department: "même département",
  region: "",
};

/** « CIO de Roubaix — même commune », « CIBC de Lille — 12,3 km »: how near, in the option itself. */
export function targetLabel(target: ReferralTarget): string {
  const closeness = target.closeness;
  if (!closeness) return target.name;
  const near =
    closeness.nearness === "commune"
      ? NEAR.commune
      : closeness.distanceKm !== null
        ? `${closeness.distanceKm.toLocaleString("fr-FR")} km`
        : NEAR[closeness.nearness];
  return near ? `${target.name} — ${near}` : target.name;
}

/**
 * Where to send a referral's person next (a redirection, a re-addressing): the service, then the
 * structures that offer it, the nearest the person's commune first (the server ranks them).
 */
export function NearTargetFields(props: {
  referralId: string;
  idPrefix: string;
  serviceId: string;
  onService: (id: string) => void;
  target: string;
  onTarget: (id: string) => void;
}) {
  const services = createAsync(() => getServices());
  const targets = createAsync(() => getReferralTargets(props.referralId, props.serviceId));
  const hint = () => {
    const commune = targets()?.commune;
    return commune
      ? `Les plus proches ${de(commune.name)} d'abord.`
      : "Par ordre alphabétique : la commune de la personne n'est pas connue.";
  };
  return (
    <>
      <SelectField
        id={`${props.idPrefix}-service`}
        label="Service"
        value={props.serviceId}
        onChange={(event) => {
          props.onService(event.currentTarget.value);
          props.onTarget("");
        }}
      >
        <Suspense>
          <IdOptions each={services()} selected={props.serviceId} label={(choice) => choice.name} />
        </Suspense>
      </SelectField>
      <SelectField
        id={`${props.idPrefix}-structure`}
        label="Structure"
        hint={hint()}
        value={props.target}
        onChange={(event) => props.onTarget(event.currentTarget.value)}
      >
        <option value="" selected={props.target === ""}>
          Choisissez une structure
        </option>
        <Suspense>
          <IdOptions each={targets()?.structures} selected={props.target} label={targetLabel} />
        </Suspense>
      </SelectField>
    </>
  );
}
