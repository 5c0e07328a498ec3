import { dbDate, dayOf } from "../dates.ts";
import { db } from "../db/client.ts";
import type { AnnouncementView } from "./schema.ts";

/**
 * Reads for the moderator's announcement forms (besides the announcement
 * itself, from data.ts): names to suggest, announcements to choose from.
 */

/** Claimants already on record, to suggest as the moderator types (one spelling per claimant keeps the tally readable). */
export async function knownClaimants(): Promise<string[]> {
  const rows = await db().announcement.findMany({
    where: { deletedAt: null },
    distinct: ["claimant"],
    orderBy: { claimant: "asc" },
    select: { claimant: true },
  });
  return rows.map((row) => row.claimant);
}

export interface AnnouncementChoice {
  id: string;
  claimant: string;
  statedOn: string;
  qualifier: AnnouncementView["claimed"]["qualifier"];
  value: number | null;
  min: number | null;
  max: number | null;
}

const CHOICE_SELECT = { id: true, claimant: true, statedOn: true, qualifier: true, value: true, min: true, max: true } as const;

/**
 * The announcements that may supersede this one: not itself, not deleted,
 * made the same day or later, and not one that this one already supersedes
 * (the rules changeAnnouncementStatus checks again). Newest first.
 */
export async function supersedingCandidates(announcement: Pick<AnnouncementView, "id" | "statedOn">): Promise<AnnouncementChoice[]> {
  const rows = await db().announcement.findMany({
    where: {
      deletedAt: null,
      id: { not: announcement.id },
      statedOn: { gte: dbDate(announcement.statedOn) },
      OR: [{ supersededById: null }, { supersededById: { not: announcement.id } }],
    },
    orderBy: [{ statedOn: "desc" }, { createdAt: "desc" }],
    select: CHOICE_SELECT,
  });
  return rows.map((row) => ({ ...row, statedOn: dayOf(row.statedOn) }));
}

/** Who said it and when, for announcements named in a history (deleted ones too: a history keeps its links). */
export async function announcementChoices(ids: readonly string[]): Promise<Map<string, AnnouncementChoice>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db().announcement.findMany({ where: { id: { in: wanted } }, select: CHOICE_SELECT });
  return new Map(rows.map((row) => [row.id, { ...row, statedOn: dayOf(row.statedOn) }]));
}
