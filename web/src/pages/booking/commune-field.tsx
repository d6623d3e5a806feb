import { Combobox } from "../../components/combobox.tsx";
import { type Commune, describeError, searchCommunes } from "../../lib/api.ts";

/** « Lille (59000, 59160…) »: the name, and enough postcodes to tell namesakes apart. */
export function communeLabel(commune: Commune): string {
  const shown = commune.postcodes.slice(0, 2).join(", ");
  return commune.postcodes.length > 2 ? `${commune.name} (${shown}…)` : `${commune.name} (${shown})`;
}

const HINT = "Saisissez son nom ou son code postal, puis choisissez-la dans la liste.";

/** The person's commune, among the region's, found by its name or its postcode. */
export function CommuneField(props: {
  value: Commune | undefined;
  onChange: (commune: Commune | undefined) => void;
  error?: string | undefined;
  id?: string | undefined;
  label?: string | undefined;
  hint?: string | undefined;
  required?: boolean | undefined;
  autocomplete?: string | undefined;
}) {
  return (
    <Combobox<Commune>
      id={props.id}
      label={props.label ?? "Votre commune"}
      hint={props.hint ?? HINT}
      required={props.required}
      autocomplete={props.autocomplete}
      error={props.error}
      value={props.value}
      onChange={(commune) => props.onChange(commune)}
      search={(text, signal) => searchCommunes(text, signal).then((found) => ({ options: found.communes, match: found.match }))}
      optionLabel={communeLabel}
      messages={{
        found: (count, text) =>
          `${count} commune${count > 1 ? "s" : ""} pour « ${text} » : flèche bas pour parcourir la liste, Entrée pour choisir.`,
        none: (text) => `Aucune commune de la région ne correspond à « ${text} ».`,
        failed: (error) => describeError(error),
      }}
    />
  );
}
