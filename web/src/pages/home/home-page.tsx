import { createAsync } from "@solidjs/router";
import { ButtonLink } from "../../components/button.tsx";
import { Loadable } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { getServices } from "../../lib/api.ts";
import { bookingHref } from "../booking/booking-href.ts";
import "./home-page.css";
import { ServiceList } from "./service-list.tsx";

export function HomePage() {
  return (
    <>
      <section class="hero">
        <PageTitle>Prenez rendez-vous avec un conseiller en orientation</PageTitle>
        <p class="lead">
          Collégiens, lycéens, étudiants, demandeurs d'emploi, salariés, personnes en reconversion… Quels que soient votre âge et
          votre situation, les conseillers du Service public régional de l'orientation vous informent sur les métiers, les
          formations, la validation des acquis de l'expérience (VAE) et l'évolution professionnelle.
        </p>
        <p class="hero__free">
          <strong>C'est gratuit</strong>, et ouvert à tout public.
        </p>
        <ButtonLink href={bookingHref()} size="large">
          Prendre rendez-vous
        </ButtonLink>
        <p>
          Ou bien cherchez une structure près de chez vous dans <a href="/ou-s-adresser">Où s'adresser&nbsp;?</a>, et lisez les{" "}
          <a href="/questions-reponses">questions / réponses</a>.
        </p>
        <p>
          Vous avez déjà rendez-vous mais plus le lien pour le déplacer ou l'annuler&nbsp;?{" "}
          <a href="/retrouver-mon-rendez-vous">Retrouver mon rendez-vous</a>
        </p>
      </section>

      <section class="orientation-teaser" aria-labelledby="orientation-teaser-title">
        <h2 id="orientation-teaser-title">Vous ne savez pas à qui vous adresser&nbsp;?</h2>
        <p>Répondez à quelques questions&nbsp;: nous vous indiquons les services et les structures qui peuvent vous aider.</p>
        <ButtonLink href="/trouver-le-bon-interlocuteur" variant="secondary">
          Trouver le bon interlocuteur
        </ButtonLink>
      </section>

      <section class="services" aria-labelledby="services-title">
        <h2 id="services-title">Choisissez un service</h2>
        <Loadable
          loading="Chargement des services…"
          failure="La liste des services n'a pas pu être chargée."
          queryKey={getServices.key}
        >
          <Services />
        </Loadable>
      </section>
    </>
  );
}

// Inside the boundary, so that "Réessayer" starts a fresh request.
function Services() {
  const services = createAsync(() => getServices());
  return <ServiceList services={services() ?? []} />;
}
