import { act } from "../../auth/http.ts";
import { createRouter } from "../../http/router.ts";
import { json, jsonBody, staffRoute } from "../../http/staff-routes.ts";
import { readNoticeChoices, saveNoticeChoices } from "./notice-choices.ts";
import { NoticeChoices } from "./schemas.ts";

// A staff user's notices: which e-mails about their meetings and referrals they get, and how —
// each one, a daily digest (jobs: notice-digest.ts), or none. Never for what they did themselves.

const noticeRoute = staffRoute("Mon compte");

const read = noticeRoute({
  method: "get",
  path: "/",
  summary: "Ses choix de courriels, par type",
  responses: { 200: json(NoticeChoices, "Un choix par type de courriel.") },
});
const save = noticeRoute({
  method: "put",
  path: "/",
  summary: "Choisir, par type, chaque courriel, un résumé par jour ou aucun",
  request: { body: jsonBody(NoticeChoices.strict()) },
  responses: { 200: json(NoticeChoices, "Ses choix, tous types compris.") },
});

export const notices = createRouter()
  .openapi(read, async (c) => c.json(await act(c, "account", readNoticeChoices), 200))
  .openapi(save, async (c) => c.json(await act(c, "account", saveNoticeChoices, c.req.valid("json")), 200));
