import { TextField } from "../../components/fields.tsx";

/** Someone else's first name and last name, as staff type them: no autofill from one's own. */
export function PersonNameFields(props: {
  ids: { firstName: string; lastName: string };
  firstName: string;
  lastName: string;
  onFirstName: (value: string) => void;
  onLastName: (value: string) => void;
  errors: { firstName?: string | undefined; lastName?: string | undefined };
}) {
  return (
    <>
      <TextField
        id={props.ids.firstName}
        label="Prénom"
        autocomplete="off"
        maxlength={100}
        value={props.firstName}
        onInput={(event) => props.onFirstName(event.currentTarget.value)}
        error={props.errors.firstName}
      />
      <TextField
        id={props.ids.lastName}
        label="Nom"
        autocomplete="off"
        maxlength={100}
        value={props.lastName}
        onInput={(event) => props.onLastName(event.currentTarget.value)}
        error={props.errors.lastName}
      />
    </>
  );
}
