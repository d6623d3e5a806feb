import { useAction } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { SelectField } from "../../../components/fields.tsx";
import { de } from "../../../lib/french.ts";
import { PersonNameFields } from "../person-name-fields.tsx";
import { useStaffUser } from "../staff-area.tsx";
import { AccountActiveButton, PersonEmailField, ResendInvitationButton } from "./account-actions.tsx";
import { changeMemberRole, inviteMember, type Member, removeMember, type StructureDetail } from "./admin-api.ts";
import { AdminForm, createAdminForm, createSuccess, SuccessNotice } from "./admin-form.tsx";
import { ConfirmButton } from "./confirm-button.tsx";
import { FIELD_NAMES, MEMBER_ROLES, memberRoleOptions } from "./directory-words.ts";

/** The « Personnel » tab: who works in the structure, in which role; invitations by e-mail. */
export function StructureMembers(props: { structure: StructureDetail; regional: boolean }) {
  const success = createSuccess();
  const remove = useAction(removeMember);
  const me = useStaffUser();
  const fullName = (member: Member) => `${member.user.firstName} ${member.user.lastName}`;

  return (
    <>
      <SuccessNotice said={success.said()} />
      <Show when={props.structure.members.length > 0} fallback={<p>Personne n'a encore de rôle dans la structure.</p>}>
        <ul class="directory-rows">
          <For each={props.structure.members}>
            {(member) => (
              <li class="directory-row">
                <h3 class="directory-row__title">
                  {fullName(member)}
                  <Show when={member.user.invited && member.user.active}>
                    {" "}
                    <span class="directory-tag">invitation envoyée</span>
                  </Show>
                  <Show when={!member.user.active}>
                    {" "}
                    <span class="directory-tag">compte désactivé</span>
                  </Show>
                </h3>
                <p class="directory-row__text">
                  {member.user.email}
                  <br />
                  Rôle&nbsp;: {MEMBER_ROLES[member.role]}
                </p>
                <RoleForm structure={props.structure} member={member} name={fullName(member)} onDone={success.say} />
                <div class="directory__actions">
                  {/* One's own role and account are not one's own to remove: the server refuses (409). */}
                  <Show when={member.user.id !== me().id}>
                    <ConfirmButton
                      label={
                        <>
                          Retirer le rôle<span class="visually-hidden">&nbsp;{de(fullName(member))}</span>
                        </>
                      }
                      title={`Retirer le rôle ${de(fullName(member))} ?`}
                      confirm="Retirer le rôle"
                      onConfirm={() => remove(member.id)}
                      onDone={() => success.say(`${fullName(member)} n'a plus le rôle « ${MEMBER_ROLES[member.role]} » ici.`)}
                    >
                      {fullName(member)} n'aura plus le rôle «&nbsp;{MEMBER_ROLES[member.role]}&nbsp;» dans {props.structure.name}
                      . Son compte et ses autres rôles restent.
                    </ConfirmButton>
                  </Show>
                  <Show when={member.user.invited && member.user.active}>
                    <ResendInvitationButton id={member.user.id} name={fullName(member)} onDone={success.say} />
                  </Show>
                  <Show when={member.user.manageable && member.user.id !== me().id}>
                    <AccountActiveButton
                      id={member.user.id}
                      name={fullName(member)}
                      active={member.user.active}
                      onDone={success.say}
                    />
                  </Show>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <section class="staff__section" aria-labelledby="invite-title">
        <h3 id="invite-title">Inviter une personne</h3>
        <p class="staff__lead">
          Une personne qui n'a pas encore de compte reçoit une invitation par courriel pour choisir son mot de passe&nbsp;; une
          personne qui en a un reçoit simplement le rôle.
        </p>
        <InviteForm structure={props.structure} onDone={success.say} />
      </section>
    </>
  );
}

function RoleForm(props: { structure: StructureDetail; member: Member; name: string; onDone: (text: string) => void }) {
  const change = useAction(changeMemberRole);
  const id = `role-${props.member.id}`;
  const form = createAdminForm({ role: id }, FIELD_NAMES.Membership);
  const [role, setRole] = createSignal(props.member.role);
  async function submit() {
    const done = await form.run({}, () => change(props.member.id, role()));
    if (done !== undefined) props.onDone(`${props.name} a maintenant le rôle « ${MEMBER_ROLES[role()]} ».`);
  }
  return (
    <AdminForm
      form={form}
      label={`Rôle ${de(props.name)}`}
      submit={
        <>
          Changer le rôle<span class="visually-hidden">&nbsp;{de(props.name)}</span>
        </>
      }
      onSubmit={submit}
    >
      <RoleSelect
        id={id}
        label={`Rôle ${de(props.name)}`}
        structure={props.structure}
        value={role()}
        onChange={setRole}
        error={form.errors().role}
      />
    </AdminForm>
  );
}

function RoleSelect(props: {
  id: string;
  label: string;
  structure: StructureDetail;
  value: Member["role"] | "";
  onChange: (role: Member["role"]) => void;
  error: string | undefined;
}) {
  return (
    <SelectField
      id={props.id}
      label={props.label}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value as Member["role"])}
      error={props.error}
    >
      <Show when={props.value === ""}>
        <option value="">Choisissez un rôle</option>
      </Show>
      <For each={memberRoleOptions(props.structure.network.kind)}>
        {(option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        )}
      </For>
    </SelectField>
  );
}

/** Whether the answer says an invitation went out (an existing account gets the role alone); said only when it says. */
function invitationWords(answer: unknown): string {
  const sent = (answer as { invitationSent?: unknown } | null)?.invitationSent;
  if (sent === true) return ". Une invitation lui est envoyée par courriel.";
  if (sent === false) return " (compte existant : pas de nouvelle invitation).";
  return ".";
}

type Field = "email" | "firstName" | "lastName" | "role";
const IDS: Record<Field, string> = {
  email: "invitation-courriel",
  firstName: "invitation-prenom",
  lastName: "invitation-nom",
  role: "invitation-role",
};

function InviteForm(props: { structure: StructureDetail; onDone: (text: string) => void }) {
  const invite = useAction(inviteMember);
  const form = createAdminForm(IDS, FIELD_NAMES.Membership);
  const [email, setEmail] = createSignal("");
  const [firstName, setFirstName] = createSignal("");
  const [lastName, setLastName] = createSignal("");
  const [role, setRole] = createSignal<Member["role"] | "">("");

  async function submit() {
    const chosen = role();
    const done = await form.run(
      {
        email: email().trim() ? undefined : "Saisissez l'adresse électronique de la personne.",
        firstName: firstName().trim() ? undefined : "Saisissez le prénom.",
        lastName: lastName().trim() ? undefined : "Saisissez le nom.",
        role: chosen ? undefined : "Choisissez un rôle.",
      },
      () =>
        invite(props.structure.id, {
          email: email().trim(),
          firstName: firstName().trim(),
          lastName: lastName().trim(),
          role: chosen as Member["role"],
        }),
    );
    if (done === undefined) return;
    props.onDone(
      `${firstName().trim()} ${lastName().trim()} a le rôle « ${MEMBER_ROLES[chosen as Member["role"]]} »${invitationWords(done)}`,
    );
    setEmail("");
    setFirstName("");
    setLastName("");
    setRole("");
  }

  return (
    <AdminForm form={form} label="Inviter une personne" submit="Inviter" onSubmit={submit}>
      <PersonEmailField id={IDS.email} value={email()} onValue={setEmail} error={form.errors().email} />
      <PersonNameFields
        ids={IDS}
        firstName={firstName()}
        lastName={lastName()}
        onFirstName={setFirstName}
        onLastName={setLastName}
        errors={form.errors()}
      />
      <RoleSelect
        id={IDS.role}
        label="Rôle"
        structure={props.structure}
        value={role()}
        onChange={setRole}
        error={form.errors().role}
      />
    </AdminForm>
  );
}
