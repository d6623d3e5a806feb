import { staffRoute } from "../../http/staff-routes.ts";

export const adminRoute = staffRoute("Administration de l'annuaire");
