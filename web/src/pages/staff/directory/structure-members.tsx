import { useAction } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { SelectField } from "../../../components/fields.tsx";
import { formatParisInstant } from "../../../lib/dates.ts";
import { isEmailAddress } from "../../../lib/email.ts";
import { de } from "../../../lib/french.ts";
import { PersonNameFields } from "../person-name-fields.tsx";
import { useStaffUser } from "../staff-area.tsx";
import { AccountActiveButton, PersonEmailField, ResendInvitationButton } from "./account-actions.tsx";
import {
  changeMemberRole,
  inviteMember,
  type Member,
  type PendingInvitation,
  removeMember,
  type StructureDetail,
  withdrawInvitation,
} from "./admin-api.ts";
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
                  <Show when={member.user.invited && member.user.active && member.user.manageable}>
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
      <Show when={props.structure.invitations.length > 0}>
        <section class="staff__section" aria-labelledby="pending-title">
          <h3 id="pending-title">Invitations en attente</h3>
          <ul class="directory-rows">
            <For each={props.structure.invitations}>
              {(invitation) => <PendingRow structure={props.structure} invitation={invitation} onDone={success.say} />}
            </For>
          </ul>
        </section>
      </Show>
      <section class="staff__section" aria-labelledby="invite-title">
        <h3 id="invite-title">Inviter une personne</h3>
        <p class="staff__lead">
          {props.regional
            ? "Un compte existant reçoit le rôle tout de suite ; une autre adresse reçoit une invitation par courriel, et la personne ouvre son compte en l'acceptant."
            : "La personne reçoit une invitation par courriel et prend le rôle en l'acceptant ; sans compte, elle ouvre le sien en choisissant son mot de passe. Une personne qui travaille déjà dans la structure reçoit le nouveau rôle tout de suite."}
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

/** An invitation sent and not yet accepted: it can be sent again (a new link) or withdrawn. */
function PendingRow(props: { structure: StructureDetail; invitation: PendingInvitation; onDone: (text: string) => void }) {
  const invite = useAction(inviteMember);
  const withdraw = useAction(withdrawInvitation);
  const name = () => `${props.invitation.firstName} ${props.invitation.lastName}`;
  const [sending, setSending] = createSignal(false);
  async function resend() {
    setSending(true);
    const { email, firstName, lastName, role } = props.invitation;
    const outcome = await invite(props.structure.id, { email, firstName, lastName, role });
    setSending(false);
    props.onDone(
      outcome.kind === "done"
        ? `Une nouvelle invitation est envoyée à ${email} ; le lien précédent ne fonctionne plus.`
        : outcome.message,
    );
  }
  return (
    <li class="directory-row">
      <h4 class="directory-row__title">
        {name()} <span class="directory-tag">en attente</span>
      </h4>
      <p class="directory-row__text">
        {props.invitation.email}
        <br />
        Rôle proposé&nbsp;: {MEMBER_ROLES[props.invitation.role]} · envoyée le {formatParisInstant(props.invitation.createdAt)},
        valable jusqu'au {formatParisInstant(props.invitation.expiresAt)}
      </p>
      <div class="directory__actions">
        <Button variant="secondary" onClick={resend} disabled={sending()}>
          Renvoyer l'invitation<span class="visually-hidden">&nbsp;{de(name())}</span>
        </Button>
        <ConfirmButton
          label={
            <>
              Retirer l'invitation<span class="visually-hidden">&nbsp;{de(name())}</span>
            </>
          }
          title={`Retirer l'invitation ${de(name())} ?`}
          confirm="Retirer l'invitation"
          // The link dies: the dialog opens on « Annuler », so that Enter twice withdraws nothing.
          focusDismiss
          onConfirm={() => withdraw(props.invitation.id)}
          onDone={() => props.onDone(`L'invitation ${de(name())} est retirée : son lien ne fonctionne plus.`)}
        >
          Le lien envoyé à {props.invitation.email} ne fonctionnera plus.
        </ConfirmButton>
      </div>
    </li>
  );
}

/** What the answer says: an invitation went out, or (someone already in the structure) the role is given. */
function invitationWords(answer: unknown, who: { name: string; email: string; role: string }): string {
  const state = (answer as { state?: unknown } | null)?.state;
  return state === "member"
    ? `${who.name} a maintenant le rôle « ${who.role} ».`
    : `Une invitation est envoyée à ${who.email} : ${who.name} aura le rôle « ${who.role} » en l'acceptant.`;
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
        email: !email().trim()
          ? "Saisissez l'adresse électronique de la personne."
          : isEmailAddress(email().trim())
            ? undefined
            : "Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.fr.",
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
      invitationWords(done, {
        name: `${firstName().trim()} ${lastName().trim()}`,
        email: email().trim().toLowerCase(),
        role: MEMBER_ROLES[chosen as Member["role"]],
      }),
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
