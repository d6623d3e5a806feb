import { expect, test } from "vitest";
import { messageOf } from "../helpers/app.ts";
import { focused, normalise, tabTo } from "./harness.ts";
import { expectAccessibleAtEveryWidth, expectAxeClean, PASSWORD, signIn, useStaffHarness } from "./staff-helpers.ts";

// The directory administration as its users live it: a structure admin runs their own
// structure, the Région the whole directory, and nobody else gets in.

const staff = useStaffHarness();

test("a structure admin sees only their structure, adds a site and invites an advisor", { timeout: 60_000 }, async () => {
  const { page, problems, close } = await staff.signedIn("admin-structure@demo.example", "Chloé");
  await page.getByRole("navigation", { name: "Votre espace" }).getByRole("link", { name: "Annuaire" }).click();
  await page.getByRole("heading", { level: 1, name: "Annuaire" }).waitFor();
  const list = page.locator(".directory-list");
  await list.waitFor();
  expect(await list.getByRole("link").allTextContents()).toEqual(["Mission Locale de Lille"]);
  expect(await page.getByRole("link", { name: "Réseaux" }).count()).toBe(0);
  await expectAccessibleAtEveryWidth(page, "directory of a structure admin");

  // Another structure's address: the same answer as an unknown one.
  const other = await staff.harness.db.prisma.structure.findFirstOrThrow({ where: { slug: { not: "mission-locale-lille" } } });
  await page.goto(`/espace/annuaire/structures/${other.id}`);
  await page.getByRole("heading", { level: 1, name: "Structure introuvable" }).waitFor();

  await page.goto("/espace/annuaire");
  await page.getByRole("link", { name: "Mission Locale de Lille" }).click();
  await page.getByRole("heading", { level: 1, name: "Mission Locale de Lille" }).waitFor();
  // The Région's fields are not shown to a structure admin.
  expect(await page.getByLabel("Identifiant").count()).toBe(0);
  expect(await page.getByText("Réservé à l'administration régionale").count()).toBe(0);
  await expectAccessibleAtEveryWidth(page, "structure, informations");

  await page.getByRole("tab", { name: "Lieux" }).click();
  await page.getByRole("heading", { level: 3, name: "Ajouter un lieu" }).waitFor();
  // Sent empty: the error summary names the fields, nothing is sent.
  await page.getByRole("button", { name: "Ajouter le lieu" }).click();
  await page.getByRole("link", { name: "Saisissez le nom du lieu." }).waitFor();
  await expectAccessibleAtEveryWidth(page, "structure, sites, with errors");
  const form = page.getByRole("form", { name: "Ajouter un lieu" });
  await form.getByLabel("Nom du lieu").fill("Antenne de Lille-Sud");
  await form.getByLabel("Adresse", { exact: true }).fill("12 rue du Faubourg des Postes");
  await form.getByRole("combobox", { name: "Commune" }).fill("Lille");
  await page
    .getByRole("option", { name: /^Lille/ })
    .first()
    .click();
  await form.getByLabel("Code postal").fill("59000");
  await page.getByRole("button", { name: "Ajouter le lieu" }).click();
  await page.getByText("Le lieu « Antenne de Lille-Sud » est ajouté.").waitFor();
  await page.getByRole("heading", { level: 3, name: "Antenne de Lille-Sud" }).waitFor();
  expect(await staff.harness.db.prisma.site.count({ where: { name: "Antenne de Lille-Sud" } })).toBe(1);

  await page.getByRole("tab", { name: "Personnel" }).click();
  const invite = page.getByRole("form", { name: "Inviter une personne" });
  await invite.waitFor();
  await expectAccessibleAtEveryWidth(page, "structure, staff");
  await invite.getByLabel("Adresse électronique").fill("nouvelle.conseillere@exemple.fr");
  await invite.getByLabel("Prénom").fill("Nadia");
  await invite.getByLabel("Nom", { exact: true }).fill("Nouvelle");
  await invite.getByLabel("Rôle").selectOption({ label: "Conseiller·ère" });
  await invite.getByRole("button", { name: "Inviter" }).click();
  await page
    .getByText(
      "Une invitation est envoyée à nouvelle.conseillere@exemple.fr : Nadia Nouvelle aura le rôle « Conseiller·ère » en l'acceptant.",
    )
    .waitFor();
  // Nothing is given until she accepts: her invitation waits, she is no member yet.
  const pending = page.getByRole("region", { name: "Invitations en attente" });
  await pending.getByRole("heading", { level: 4, name: /Nadia Nouvelle/ }).waitFor();
  expect(await page.getByRole("heading", { level: 3, name: /Nadia Nouvelle/ }).count()).toBe(0);
  await expectAccessibleAtEveryWidth(page, "structure, staff, a pending invitation");
  // Withdrawing it asks first.
  await page.getByRole("button", { name: "Retirer l'invitation de Nadia Nouvelle" }).click();
  await page.getByRole("dialog").waitFor();
  await expectAxeClean(page, "confirmation dialog");
  await page.getByRole("dialog").getByRole("button", { name: "Annuler" }).click();
  await page.getByRole("dialog").waitFor({ state: "detached" });

  // Nadia opens the e-mailed link, chooses her password and arrives in her space.
  const message = await staff.harness.db.prisma.outboxMessage.findFirstOrThrow({
    where: { recipient: "nouvelle.conseillere@exemple.fr" },
  });
  expect(message.type).toBe("staff.membership_invitation");
  const token = /rejoindre#([\w-]{43})/.exec(messageOf(message).text)?.[1];
  const nadia = await staff.harness.openPage();
  await nadia.page.goto(`/connexion/rejoindre#${token}`);
  await nadia.page.getByRole("heading", { level: 1, name: "Rejoindre Mission Locale de Lille" }).waitFor();
  expect(nadia.page.url()).not.toContain("#");
  await expectAccessibleAtEveryWidth(nadia.page, "an invitation to join");
  await nadia.page.getByLabel("Mot de passe", { exact: true }).fill("un mot de passe pour Nadia");
  await nadia.page.getByLabel("Confirmation du mot de passe").fill("un mot de passe pour Nadia");
  await nadia.page.getByRole("button", { name: "Accepter et créer mon mot de passe" }).click();
  await nadia.page.getByRole("heading", { level: 1, name: "Bonjour Nadia" }).waitFor();
  await nadia.close();
  await page.reload();
  await page.getByRole("tab", { name: "Personnel" }).click();
  await page.getByRole("heading", { level: 3, name: /Nadia Nouvelle/ }).waitFor();
  expect(await page.getByRole("region", { name: "Invitations en attente" }).count()).toBe(0);
  // 401: /me before signing in; 404: the other structure.
  expect(problems.filter((problem) => !/\b(401|404)\b/.test(problem))).toEqual([]);
  await close();
});

test("a structure admin opens a service, with its settings, to booking", { timeout: 60_000 }, async () => {
  const { page, close } = await staff.signedIn("admin-structure@demo.example", "Chloé");
  const structure = await staff.harness.db.prisma.structure.findUniqueOrThrow({ where: { slug: "mission-locale-lille" } });
  await page.goto(`/espace/annuaire/structures/${structure.id}?onglet=offres`);
  const form = page.getByRole("form", { name: "Ajouter une offre" });
  await form.waitFor();
  const service = form.getByLabel("Service");
  const choice = await service.locator("option").nth(1).textContent();
  await service.selectOption({ index: 1 });
  await form.getByLabel("Durée (minutes)").fill("30");
  await form.getByRole("checkbox", { name: "Par téléphone" }).check();
  await form.getByRole("button", { name: "Ajouter l'offre" }).click();
  await page.getByText(`L'offre « ${choice} » est ajoutée.`).waitFor();
  await expectAccessibleAtEveryWidth(page, "structure, offerings");
  const added = await staff.harness.db.prisma.offering.findFirstOrThrow({
    where: { structureId: structure.id, service: { name: choice ?? "" } },
  });
  expect([added.durationMinutes, added.modes.includes("phone")]).toEqual([30, true]);
  await close();
});

test("the Région creates a network, then a structure in it", { timeout: 60_000 }, async () => {
  const { page, problems, close } = await staff.signedIn("admin@demo.example", "Anne");
  await page.goto("/espace/annuaire");
  await page.getByRole("heading", { level: 2, name: "Nouvelle structure" }).waitFor();
  await page.getByRole("form", { name: "Nouvelle structure" }).waitFor();
  await expectAccessibleAtEveryWidth(page, "directory of the Région");

  await page.getByRole("link", { name: "Réseaux" }).click();
  await page.getByRole("heading", { level: 1, name: "Réseaux" }).waitFor();
  const networkForm = page.getByRole("form", { name: "Nouveau réseau" });
  await networkForm.waitFor();
  await expectAccessibleAtEveryWidth(page, "networks");
  await networkForm.getByLabel("Nom").fill("Écoles de la deuxième chance");
  await networkForm.getByRole("button", { name: "Créer le réseau" }).click();
  await page.getByText("Le réseau « Écoles de la deuxième chance » est créé.").waitFor();
  // The same name again: the identifier is taken, and the field says so.
  await networkForm.getByLabel("Nom").fill("Écoles de la deuxième chance");
  await networkForm.getByRole("button", { name: "Créer le réseau" }).click();
  await page.getByRole("link", { name: "Cet identifiant est déjà pris par un autre réseau." }).waitFor();
  // What the page said of the first attempt is not left beside the second's refusal.
  expect(await page.getByText("Le réseau « Écoles de la deuxième chance » est créé.").count()).toBe(0);

  await page.goto("/espace/annuaire");
  const structureForm = page.getByRole("form", { name: "Nouvelle structure" });
  await structureForm.waitFor();
  await structureForm.getByLabel("Nom", { exact: true }).fill("E2C Roubaix");
  await structureForm.getByLabel("Réseau").selectOption({ label: "Écoles de la deuxième chance" });
  await structureForm.getByRole("button", { name: "Créer la structure" }).click();
  await page.getByRole("heading", { level: 1, name: "E2C Roubaix" }).waitFor();
  await page.getByText("Réservé à l'administration régionale").waitFor();
  await expectAccessibleAtEveryWidth(page, "structure seen by the Région");

  for (const [link, title] of [
    ["Territoires", "Territoires"],
    ["Comptes", "Comptes"],
    ["Journal", "Journal des modifications"],
  ] as const) {
    await page.goto("/espace/annuaire");
    await page.getByRole("link", { name: link }).click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.locator(".directory-row").first().waitFor();
    await expectAccessibleAtEveryWidth(page, title);
  }
  expect(await page.getByText("Structure créée").count()).toBeGreaterThan(0);
  // 401: /me before signing in; 409: the identifier taken on purpose.
  expect(problems.filter((problem) => !/\b(401|409)\b/.test(problem))).toEqual([]);
  await close();
});

test("an advisor has no directory", async () => {
  const { page, close } = await staff.signedIn("conseiller@demo.example", "David");
  expect(await page.getByRole("navigation", { name: "Votre espace" }).textContent()).not.toContain("Annuaire");
  await page.goto("/espace/annuaire");
  await page.getByRole("heading", { level: 1, name: "Accès non autorisé" }).waitFor();
  expect(await page.getByRole("main").textContent()).toContain("il n'est pas ouvert à votre rôle");
  await close();
});

test("someone with an account elsewhere accepts an invitation in one click, then signs in as usual", {
  timeout: 60_000,
}, async () => {
  const { page, close } = await staff.signedIn("admin-structure@demo.example", "Chloé");
  const structure = await staff.harness.db.prisma.structure.findUniqueOrThrow({ where: { slug: "mission-locale-lille" } });
  await page.goto(`/espace/annuaire/structures/${structure.id}?onglet=personnel`);
  const invite = page.getByRole("form", { name: "Inviter une personne" });
  await invite.getByLabel("Adresse électronique").fill("partenaire@demo.example");
  await invite.getByLabel("Prénom").fill("Nom");
  await invite.getByLabel("Nom", { exact: true }).fill("Tapé");
  await invite.getByLabel("Rôle").selectOption({ label: "Accueil" });
  await invite.getByRole("button", { name: "Inviter" }).click();
  // The same words as for an address without an account.
  await page
    .getByText("Une invitation est envoyée à partenaire@demo.example : Nom Tapé aura le rôle « Accueil » en l'acceptant.")
    .waitFor();
  await close();

  const message = await staff.harness.db.prisma.outboxMessage.findFirstOrThrow({
    where: { recipient: "partenaire@demo.example", type: "staff.membership_invitation" },
  });
  const token = /rejoindre#([\w-]{43})/.exec(messageOf(message).text)?.[1];
  const invitee = await staff.harness.openPage();
  await invitee.page.goto(`/connexion/rejoindre#${token}`);
  // Greeted by their own name, not the one typed by the admin.
  await invitee.page.getByText(/^Bonjour (?!Nom)/).waitFor();
  await invitee.page.getByRole("button", { name: "Accepter l'invitation" }).click();
  await invitee.page.getByRole("heading", { level: 1, name: "Vous avez rejoint Mission Locale de Lille" }).waitFor();
  await expectAccessibleAtEveryWidth(invitee.page, "an invitation accepted");
  // The sign-in page's /me: 401, expected; nothing else (the used invitation is not asked again).
  expect(invitee.problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await invitee.close();
});

test("a person is invited with the keyboard alone", { timeout: 60_000 }, async () => {
  const { page, close } = await staff.signedIn("admin-structure@demo.example", "Chloé");
  const structure = await staff.harness.db.prisma.structure.findUniqueOrThrow({ where: { slug: "mission-locale-lille" } });
  await page.goto(`/espace/annuaire/structures/${structure.id}?onglet=personnel`);
  await page.getByRole("heading", { level: 3, name: "Inviter une personne" }).waitFor();
  await page.getByRole("heading", { level: 3, name: "Inviter une personne" }).focus();

  await tabTo(page, (focus) => focus.name === "Adresse électronique", { max: 300 });
  await page.keyboard.type("accueil.clavier@exemple.fr");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Karim");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Clavier");
  await page.keyboard.press("Tab");
  expect((await focused(page)).tag).toBe("select");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await tabTo(page, (focus) => focus.name === "Inviter", { max: 300 });
  await page.keyboard.press("Enter");
  await page
    .getByText("Une invitation est envoyée à accueil.clavier@exemple.fr : Karim Clavier aura le rôle « Accueil »")
    .waitFor();
  expect((await focused(page)).name).toContain("Une invitation est envoyée à accueil.clavier@exemple.fr");
  const invitation = await staff.harness.db.prisma.membershipInvitation.findFirstOrThrow({
    where: { email: "accueil.clavier@exemple.fr" },
  });
  expect(invitation.role).toBe("reception");
  // Withdrawn with the keyboard too.
  await tabTo(page, (focus) => focus.name === "Retirer l'invitation de Karim Clavier", { max: 300 });
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Retirer l'invitation de Karim Clavier ?" });
  await dialog.waitFor();
  await tabTo(page, (focus) => focus.name === "Retirer l'invitation");
  await page.keyboard.press("Enter");
  await page.getByText("L'invitation de Karim Clavier est retirée : son lien ne fonctionne plus.").waitFor();
  expect(await staff.harness.db.prisma.membershipInvitation.count({ where: { email: "accueil.clavier@exemple.fr" } })).toBe(0);
  await close();
});

test("a signed-out person opening the Journal signs in and lands on it, all in French", { timeout: 60_000 }, async () => {
  const { page, problems, close } = await staff.harness.openPage();
  await page.goto("/espace/annuaire/journal");
  await page.waitForURL("**/connexion?retour=*");
  await signIn(page, "admin@demo.example", PASSWORD, { keepAddress: true });
  await page.getByRole("heading", { level: 1, name: "Journal des modifications" }).waitFor();
  expect(new URL(page.url()).pathname).toBe("/espace/annuaire/journal");
  await page.locator(".directory-row").first().waitFor();
  const text = normalise((await page.locator(".directory-row p").allTextContents()).join(" "));
  // No action or field as the server names them: « user.password_set », « .create », « firstName ».
  expect(text).not.toMatch(/\b(network|structure|site|offering|membership|user|territory|closure)\.[a-z_]+/);
  expect(text).not.toMatch(/(?<!\p{L})[a-z]+[A-Z][a-z]+/u);
  expect(text).toMatch(/ à \d{1,2} h \d{2}, par /);
  // Each change names what it was made to.
  expect(text).toContain("Structure créée : E2C Roubaix");
  expect(text).toMatch(/Lieu ajouté : Antenne de Lille-Sud — Mission Locale de Lille/);
  await expectAccessibleAtEveryWidth(page, "Journal");

  // Anywhere else is not followed: the staff home instead.
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await page.waitForURL("**/connexion*");
  await page.goto("/connexion?retour=https%3A%2F%2Fevil.example%2Fespace");
  await signIn(page, "admin@demo.example", PASSWORD, { keepAddress: true });
  await page.getByRole("heading", { level: 1, name: "Bonjour Anne" }).waitFor();
  expect(new URL(page.url()).origin).toBe(staff.harness.baseUrl);
  expect(problems.filter((problem) => !problem.includes("401"))).toEqual([]);
  await close();
});

test("an error from the server names its field in the summary", { timeout: 60_000 }, async () => {
  const { page, close } = await staff.signedIn("admin-structure@demo.example", "Chloé");
  const structure = await staff.harness.db.prisma.structure.findUniqueOrThrow({ where: { slug: "mission-locale-lille" } });
  await page.goto(`/espace/annuaire/structures/${structure.id}?onglet=offres`);
  const form = page.getByRole("form", { name: "Ajouter une offre" });
  await form.waitFor();
  await form.getByLabel("Service").selectOption({ index: 1 });
  await form.getByLabel("Durée (minutes)").fill("1");
  await form.getByLabel("Places par créneau").fill("0");
  await form.getByRole("button", { name: "Ajouter l'offre" }).click();
  const summary = form.getByRole("alert");
  await summary.getByRole("link", { name: /^Durée \(minutes\)\s:\s5 minutes au moins\.$/ }).waitFor();
  await summary.getByRole("link", { name: /^Places par créneau\s:\s1 place au moins\.$/ }).waitFor();
  // Under the section's h3, the summary's heading is an h4.
  await summary.getByRole("heading", { level: 4, name: "Le formulaire contient 2 erreurs" }).waitFor();
  // Beside the field, the message alone.
  expect(normalise(await form.locator(".field__error").first().textContent())).toBe("Erreur : 5 minutes au moins.");
  await expectAccessibleAtEveryWidth(page, "offering form with server errors");
  await close();
});

test("the site form resets the postcode when the commune changes", { timeout: 60_000 }, async () => {
  const { page, close } = await staff.signedIn("admin-structure@demo.example", "Chloé");
  const structure = await staff.harness.db.prisma.structure.findUniqueOrThrow({ where: { slug: "mission-locale-lille" } });
  const single = await staff.harness.db.prisma.commune.findFirstOrThrow({
    where: { name: "Arras" },
    select: { name: true, postcodes: true },
  });
  expect(single.postcodes).toHaveLength(1);
  await page.goto(`/espace/annuaire/structures/${structure.id}?onglet=lieux`);
  const form = page.getByRole("form", { name: "Ajouter un lieu" });
  await form.waitFor();
  const commune = form.getByRole("combobox", { name: "Commune" });
  const postcode = form.getByLabel("Code postal");
  await commune.fill("Arras");
  await page.getByRole("option", { name: /^Arras \(/ }).click();
  expect(await postcode.inputValue()).toBe(single.postcodes[0]);
  // The search's count is over once a commune is chosen.
  expect(await form.getByText(/communes? pour « Arras »/).count()).toBe(0);
  await commune.fill("Lille");
  await page
    .getByRole("option", { name: /^Lille \(/ })
    .first()
    .click();
  expect(await postcode.inputValue()).toBe("");

  // The summary lists the fields in the form's order: the commune before the postcode.
  await commune.fill("");
  await form.getByRole("button", { name: "Ajouter le lieu" }).click();
  const links = await form.getByRole("alert").getByRole("link").allTextContents();
  expect(links).toEqual([
    "Saisissez le nom du lieu.",
    "Saisissez l'adresse.",
    "Choisissez la commune dans la liste.",
    "Saisissez un code postal à 5 chiffres.",
  ]);
  await close();
});

test("a closure and a role are removed after confirming", { timeout: 60_000 }, async () => {
  const { page, problems, close } = await staff.signedIn("admin-structure@demo.example", "Chloé");
  const structure = await staff.harness.db.prisma.structure.findUniqueOrThrow({ where: { slug: "mission-locale-lille" } });
  await page.goto(`/espace/annuaire/structures/${structure.id}?onglet=fermetures`);
  const form = page.getByRole("form", { name: "Ajouter une fermeture" });
  await form.waitFor();
  await form.getByLabel("Premier jour").fill("2027-05-07");
  await form.getByRole("button", { name: "Ajouter la fermeture" }).click();
  await page.getByText("La fermeture du 7 mai 2027 est enregistrée.").waitFor();
  await page.getByRole("heading", { level: 3, name: "Du 7 mai 2027" }).waitFor();
  await expectAccessibleAtEveryWidth(page, "structure, closures");
  await page.getByRole("button", { name: "Supprimer la fermeture du 7 mai 2027" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Supprimer la fermeture" }).click();
  await page.getByText("La fermeture du 7 mai 2027 est supprimée.").waitFor();
  expect(await page.getByRole("heading", { level: 3, name: "Du 7 mai 2027" }).count()).toBe(0);

  await page.getByRole("tab", { name: "Personnel" }).click();
  const invite = page.getByRole("form", { name: "Inviter une personne" });
  await invite.getByLabel("Adresse électronique").fill("emma.passage@exemple.fr");
  await invite.getByLabel("Prénom").fill("Emma");
  await invite.getByLabel("Nom", { exact: true }).fill("Passage");
  await invite.getByLabel("Rôle").selectOption({ label: "Accueil" });
  await invite.getByRole("button", { name: "Inviter" }).click();
  // Emma accepts, from her e-mail.
  await page.getByRole("heading", { level: 4, name: /Emma Passage/ }).waitFor();
  const message = await staff.harness.db.prisma.outboxMessage.findFirstOrThrow({
    where: { recipient: "emma.passage@exemple.fr" },
  });
  const token = /rejoindre#([\w-]{43})/.exec(messageOf(message).text)?.[1];
  const accepted = await fetch(`${staff.harness.baseUrl}/api/auth/membership-invitation/accept`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ token, newPassword: "un mot de passe pour Emma" }),
  });
  expect(accepted.status).toBe(200);
  await page.reload();
  await page.getByRole("tab", { name: "Personnel" }).click();
  await page.getByRole("heading", { level: 3, name: /Emma Passage/ }).waitFor();
  // Each button names its person, with the elision French wants.
  await page.getByRole("button", { name: "Changer le rôle d'Emma Passage" }).waitFor();
  await page.getByRole("button", { name: "Retirer le rôle d'Emma Passage" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Retirer le rôle" }).click();
  await page.getByText("Emma Passage n'a plus le rôle « Accueil » ici.").waitFor();
  expect(await page.getByRole("heading", { level: 3, name: /Emma Passage/ }).count()).toBe(0);
  // One's own card offers neither.
  const own = page.locator(".directory-row", { has: page.getByRole("heading", { level: 3, name: /Chloé/ }) });
  expect(await own.getByRole("button", { name: /Retirer le rôle|Désactiver le compte/ }).count()).toBe(0);
  await expectAccessibleAtEveryWidth(page, "structure, staff after a removal");
  expect(problems.filter((problem) => !problem.includes("401"))).toEqual([]);
  await close();
});
