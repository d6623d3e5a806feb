import type { JobRun } from "../privacy/privacy-api.ts";

// What the daily jobs did, in words, for the Région's page « Données personnelles ».

/** A count in words: zero and one take the singular, as French does (« 0 personne anonymisée »). */
export type Words = readonly [one: string, many: string];
export const count = (n: number, [one, many]: Words) => `${n} ${n <= 1 ? one : many}`;

/**
 * Each daily job in words, and each of its counts (server/jobs/tasks.ts); a job or a count not
 * named here shows as the server names it until it is.
 */
const JOBS: Record<string, { name: string; describe: (result: Record<string, number>) => string }> = {
  "waiting-times": {
    name: "Délais d'attente du jour",
    describe: (r) => `${count(r.recorded ?? 0, ["relevé", "relevés"])}, dont ${r.withoutSlot ?? 0} sans créneau`,
  },
  "waitlist-ends": {
    name: "Fin des attentes terminées (listes d'attente)",
    describe: (r) =>
      `${count(r.meeting ?? 0, ["inscription close", "inscriptions closes"])} (rendez-vous passé ou annulé), ${count(r.expired ?? 0, ["inscription expirée", "inscriptions expirées"])} (date choisie passée)`,
  },
  retention: {
    name: "Anonymisation au terme de la conservation",
    describe: (r) => count(r.persons ?? 0, ["personne anonymisée", "personnes anonymisées"]),
  },
  "audit-log": {
    name: "Purge du journal (plus d'un an)",
    describe: (r) => count(r.events ?? 0, ["événement supprimé", "événements supprimés"]),
  },
  housekeeping: {
    name: "Nettoyage technique",
    describe: (r) =>
      [
        count(r.idempotencyKeys ?? 0, ["réponse de réservation oubliée", "réponses de réservation oubliées"]),
        `${count(r.messages ?? 0, ["courriel envoyé supprimé", "courriels envoyés supprimés"])} (plus d'un mois)`,
        ...(r.files ? [count(r.files, ["copie de courriel supprimée", "copies de courriels supprimées"])] : []),
        ...(r.invitations ? [count(r.invitations, ["invitation expirée retirée", "invitations expirées retirées"])] : []),
        ...(r.throttles ? [count(r.throttles, ["compteur de connexion oublié", "compteurs de connexion oubliés"])] : []),
      ].join(", "),
  },
};

export const describeResult = (run: Pick<JobRun, "job" | "result">) => {
  if (!run.result) return "en cours, ou interrompu";
  const job = JOBS[run.job];
  if (job) return job.describe(run.result);
  return (
    Object.entries(run.result)
      .map(([key, n]) => `${n} ${key}`)
      .join(", ") || "fait"
  );
};

/** A job's name in words, or as the server names it. */
export const jobName = (job: string) => JOBS[job]?.name ?? job;
