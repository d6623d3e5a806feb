import type { Database, Tx } from "../../db/database.ts";
import { isUniqueViolation, sqlState } from "../../db/errors.ts";
import type { Prisma } from "../../db/generated/client.ts";
import { type RoutingRule, tableProblem } from "../../domain/routing.ts";
import { AppError, notFound, validationError } from "../../errors.ts";
import type { RoutingRuleInput, RoutingRuleOrder, RoutingRulePatch } from "./schemas.ts";

// The orientation table as the Région edits it. Every change is checked on the table as it is
// after the change, inside the change's transaction: the table always keeps exactly one active,
// unconditional fallback, so that every answer leads somewhere.

export const ruleSelect = {
  id: true,
  position: true,
  ageBands: true,
  situations: true,
  needs: true,
  disability: true,
  networkId: true,
  serviceId: true,
  reason: true,
  fallback: true,
  active: true,
  network: { select: { slug: true, name: true } },
  service: { select: { slug: true, name: true } },
} satisfies Prisma.RoutingRuleSelect;

export type RuleRow = Prisma.RoutingRuleGetPayload<{ select: typeof ruleSelect }>;

/** The whole table, in reading order: by position, the fallback last (it applies when no other does). */
export function loadRoutingTable(db: Tx): Promise<RuleRow[]> {
  return db.routingRule.findMany({ select: ruleSelect, orderBy: [{ fallback: "asc" }, { position: "asc" }, { id: "asc" }] });
}

export const listRoutingRules = ({ db }: { db: Database }) => loadRoutingTable(db.prisma);

/**
 * Refuses a change that would leave the table unsound: `change` gives the table as it would be
 * after it, read in the change's transaction, before anything is written.
 */
async function checkChange(tx: Tx, change: (table: RoutingRule[]) => RoutingRule[]) {
  const table = await loadRoutingTable(tx);
  const problem = tableProblem(change(table));
  // A table that was already incomplete (a new region, before its fallback is written) may be
  // built up rule by rule; a change never makes a sound table unsound.
  if (problem && problem !== tableProblem(table)) throw new AppError("CONFLICT", problem, { fields: { fallback: problem } });
}

/** The network and service a rule names, or a 422 naming the one that does not exist. */
async function checkTargets(tx: Tx, input: { networkId?: string | undefined; serviceId?: string | null | undefined }) {
  const [network, service] = await Promise.all([
    input.networkId ? tx.network.findUnique({ where: { id: input.networkId }, select: { id: true } }) : true,
    input.serviceId ? tx.service.findUnique({ where: { id: input.serviceId }, select: { id: true } }) : true,
  ]);
  const fields: Record<string, string> = {};
  if (!network) fields.networkId = "Aucun réseau ne porte cet identifiant.";
  if (!service) fields.serviceId = "Aucun service ne porte cet identifiant.";
  if (Object.keys(fields).length > 0) throw validationError(fields);
}

/**
 * The database's own guards (one fallback; the fallback active and unconditional) answer in
 * French when a change slips past the check, e.g. two Région admins at the same instant.
 */
export async function guarded<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      const message = "La table ne peut avoir qu'une règle par défaut.";
      throw new AppError("CONFLICT", message, { fields: { fallback: message } });
    }
    if (sqlState(error) === "23514") {
      const message = "La règle par défaut est active et sans condition : elle s'applique à tous.";
      throw validationError({ fallback: message });
    }
    throw error;
  }
}

export async function createRoutingRule(tx: Tx, input: RoutingRuleInput): Promise<{ id: string }> {
  await checkTargets(tx, input);
  const last = await tx.routingRule.aggregate({ _max: { position: true }, where: { fallback: false } });
  const data = {
    ageBands: [],
    situations: [],
    needs: [],
    disability: null,
    serviceId: null,
    active: true,
    fallback: false,
    ...input,
    position: (last._max.position ?? 0) + 10,
  };
  await checkChange(tx, (table) => [...table, { ...data, id: "" }]);
  return tx.routingRule.create({ data, select: { id: true } });
}

export async function updateRoutingRule(tx: Tx, id: string, patch: RoutingRulePatch): Promise<{ id: string }> {
  const current = await tx.routingRule.findUnique({ where: { id }, select: { id: true } });
  if (!current) throw notFound("Règle");
  await checkTargets(tx, patch);
  await checkChange(tx, (table) => table.map((rule) => (rule.id === id ? { ...rule, ...patch } : rule)));
  return tx.routingRule.update({ where: { id }, data: patch, select: { id: true } });
}

export async function deleteRoutingRule(tx: Tx, id: string): Promise<{ id: string }> {
  const current = await tx.routingRule.findUnique({ where: { id }, select: { id: true } });
  if (!current) throw notFound("Règle");
  await checkChange(tx, (table) => table.filter((rule) => rule.id !== id));
  return tx.routingRule.delete({ where: { id }, select: { id: true } });
}

/** Gives every rule but the fallback its place in `ids` (positions 10, 20…: room to insert between). */
export async function reorderRoutingRules(tx: Tx, { ids }: RoutingRuleOrder): Promise<{ id: string }[]> {
  const rules = await tx.routingRule.findMany({ select: { id: true, fallback: true } });
  if (rules.some((rule) => rule.fallback && ids.includes(rule.id))) {
    throw validationError({ ids: "La règle par défaut reste la dernière : ne la mettez pas dans l'ordre." });
  }
  const known = new Set(rules.filter((rule) => !rule.fallback).map((rule) => rule.id));
  if (ids.length !== known.size || ids.some((id) => !known.has(id))) {
    const message = "La table a changé entre-temps : rechargez la page, puis recommencez.";
    throw new AppError("CONFLICT", message, { fields: { ids: message } });
  }
  for (const [index, id] of ids.entries()) {
    await tx.routingRule.update({ where: { id }, data: { position: (index + 1) * 10 }, select: { id: true } });
  }
  return ids.map((id) => ({ id }));
}
