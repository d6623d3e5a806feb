import { createSignal, For, Show } from "solid-js";
import { ButtonLink } from "../../../components/button.tsx";
import { SelectField, TextField } from "../../../components/fields.tsx";
import { parisDate } from "../../../lib/dates.ts";
import { useStaffUser } from "../staff-area.tsx";

/**
 * « Exporter les rendez-vous »: a structure's appointments of a period as CSV, for its admins
 * (the server refuses anyone else). A plain link the fields keep up to date: the browser
 * downloads it, with the session cookie, as any file.
 */
export function AppointmentsExport(props: {
  /** The structure whose agenda is shown: chosen first when one runs it. */ shown?: string | undefined;
}) {
  const user = useStaffUser();
  const administered = () => {
    const own = user()
      .memberships.filter((m) => m.role === "structure_admin")
      .map((m) => m.structure);
    return own.filter((s, i) => own.findIndex((o) => o.id === s.id) === i);
  };
  const today = parisDate(new Date());
  // The one chosen here, else the one shown, else the first one run.
  const [picked, setStructure] = createSignal<string>();
  const structure = () => picked() ?? administered().find((s) => s.id === props.shown)?.id ?? administered()[0]?.id ?? "";
  const [from, setFrom] = createSignal(`${today.slice(0, 7)}-01`);
  const [to, setTo] = createSignal(today);
  const href = () => `/api/agenda/export?${new URLSearchParams({ structure: structure(), from: from(), to: to() })}`;
  return (
    <Show when={administered().length > 0}>
      <section class="staff__section" aria-labelledby="export-title">
        <h2 id="export-title">Exporter les rendez-vous</h2>
        <p class="staff__lead">
          Les rendez-vous de votre structure sur une période (un an au plus), avec les coordonnées des personnes, dans un fichier
          CSV qu'Excel ouvre. Les notes privées n'y sont pas. Gardez ce fichier en lieu sûr et supprimez-le quand il ne sert plus.
        </p>
        <div class="staff-form">
          <Show when={administered().length > 1}>
            <SelectField
              id="export-structure"
              label="Structure"
              value={structure()}
              onChange={(e) => setStructure(e.currentTarget.value)}
            >
              <For each={administered()}>
                {(s) => (
                  <option value={s.id} selected={s.id === structure()}>
                    {s.name}
                  </option>
                )}
              </For>
            </SelectField>
          </Show>
          <TextField id="export-du" label="Du" type="date" value={from()} onInput={(e) => setFrom(e.currentTarget.value)} />
          <TextField id="export-au" label="Au (inclus)" type="date" value={to()} onInput={(e) => setTo(e.currentTarget.value)} />
          <p>
            <ButtonLink variant="secondary" href={href()} download="">
              Télécharger les rendez-vous (CSV)
            </ButtonLink>
          </p>
        </div>
      </section>
    </Show>
  );
}
