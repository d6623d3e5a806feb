import { A, type RouteSectionProps } from "@solidjs/router";
import { type JSX, Show } from "solid-js";
import { Notice } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { useStaffUser } from "../staff-area.tsx";
import "./directory.css";

/**
 * `/espace/annuaire/…`: for the Région and the structure admins. Anyone else is told so in
 * words, rather than sent elsewhere without a reason (the API would answer 403 anyway).
 */
export default function DirectoryArea(props: RouteSectionProps) {
  const user = useStaffUser();
  return (
    <Show
      when={user().areas.includes("directory")}
      fallback={
        <Refused>
          L'annuaire est tenu par l'administration régionale et par les administrateurs des structures&nbsp;: il n'est pas ouvert
          à votre rôle.
        </Refused>
      }
    >
      {props.children}
    </Show>
  );
}

/** The Région's pages of the directory: networks, territories, accounts, change log. */
export function RegionOnly(props: { children: JSX.Element }) {
  const user = useStaffUser();
  return (
    <Show
      when={user().regionalAdmin}
      fallback={<Refused>Cette page de l'annuaire est réservée à l'administration régionale.</Refused>}
    >
      {props.children}
    </Show>
  );
}

/** A page of the Région's: back to the directory, its title and what it holds (`lead`), then its content. */
export function RegionPage(props: { title: string; lead?: JSX.Element; children: JSX.Element }) {
  return (
    <RegionOnly>
      <AdminPage title={props.title} lead={props.lead}>
        {props.children}
      </AdminPage>
    </RegionOnly>
  );
}

/**
 * A page of the directory for all its users, the structure admins as well as the Région (the
 * area lets no one else in): back to the directory, its title and what it holds, its content.
 */
export function AdminPage(props: { title: string; lead?: JSX.Element; children: JSX.Element }) {
  return (
    <div class="staff">
      <BackLink href="/espace/annuaire">Retour à l'annuaire</BackLink>
      <PageTitle>{props.title}</PageTitle>
      <Show when={props.lead}>
        <p class="staff__lead">{props.lead}</p>
      </Show>
      {props.children}
    </div>
  );
}

export function Refused(props: { children: JSX.Element }) {
  return (
    <div class="staff">
      <BackLink href="/espace">Retour à l'espace professionnel</BackLink>
      <PageTitle>Accès non autorisé</PageTitle>
      <Notice>
        <p>{props.children}</p>
      </Notice>
    </div>
  );
}

export function BackLink(props: { href: string; children: string }) {
  return (
    <p class="staff__back">
      <A href={props.href} end>
        {props.children}
      </A>
    </p>
  );
}
