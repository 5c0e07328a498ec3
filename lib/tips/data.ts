import { db, type Prisma } from "../db/client.ts";
import { errors } from "../errors.ts";
import type { TipStatus } from "../generated/prisma/enums.ts";
import { fullName } from "../persons/public.ts";
import type { TipItem, TipListQuery, TipPage } from "./schema.ts";

/**
 * Reads of tips, for moderators only (the routes and the page check
 * `tip.review`). Nothing here is ever part of a public view: the public
 * person page, the public API and search read persons through
 * lib/persons, which never joins tips.
 */

/** What a tip's row is read with, for the list and for the answer to a change. */
export const TIP_SELECT = {
  id: true,
  status: true,
  text: true,
  contact: true,
  createdAt: true,
  reviewedAt: true,
  reviewedBy: { select: { id: true, name: true } },
  person: { select: { id: true, givenNames: true, surnames: true } },
  file: { select: { sha256: true, size: true, contentType: true } },
} satisfies Prisma.TipSelect;

type TipRow = Prisma.TipGetPayload<{ select: typeof TIP_SELECT }>;

export function tipView(row: TipRow): TipItem {
  return {
    id: row.id,
    status: row.status,
    text: row.text,
    contact: row.contact,
    createdAt: row.createdAt.toISOString(),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    reviewedBy: row.reviewedBy,
    person: row.person ? { id: row.person.id, name: fullName(row.person.givenNames, row.person.surnames) } : null,
    file: row.file ? { ...row.file, href: `/api/v1/files/${row.file.sha256}` } : null,
  };
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) throw errors.invalidInput("The cursor is not valid.");
  return { createdAt, id };
}

/** One page of tips of one status, newest first (keyset: stable while tips arrive or are marked). */
export async function listTips(query: Pick<TipListQuery, "status" | "personId" | "cursor" | "limit">): Promise<TipPage> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db().tip.findMany({
    where: {
      status: query.status,
      ...(query.personId ? { personId: query.personId } : {}),
      ...(after
        ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: TIP_SELECT,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    tips: page.map(tipView),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

/** How many tips there are of each status (the moderators' page tabs), optionally about one person. */
export async function tipCounts(personId?: string): Promise<Record<TipStatus, number>> {
  const groups = await db().tip.groupBy({
    by: ["status"],
    where: personId ? { personId } : {},
    _count: { _all: true },
  });
  const counts: Record<TipStatus, number> = { pending: 0, reviewed: 0, dismissed: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

/** Pending tips about one person (for the internal record page). */
export async function pendingTipCount(personId: string): Promise<number> {
  return db().tip.count({ where: { personId, status: "pending" } });
}

/** The name of the person a tips page is filtered to, for its heading; null when there is no such person. */
export async function tipPersonName(personId: string): Promise<string | null> {
  const person = await db().person.findUnique({ where: { id: personId }, select: { givenNames: true, surnames: true } });
  return person ? fullName(person.givenNames, person.surnames) : null;
}
