import { db } from "../db/client.ts";

/** Every announcement that is not deleted, newest statement first, with its public fields. */
export async function listAnnouncements() {
  return db().announcement.findMany({
    where: { deletedAt: null },
    orderBy: [{ statedOn: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      claimant: true,
      claimantKind: true,
      statedOn: true,
      statedOnApproximate: true,
      measure: true,
      qualifier: true,
      value: true,
      min: true,
      max: true,
      basis: true,
      coversFrom: true,
      coversTo: true,
      coversDate: true,
      scopeKind: true,
      scopeNationality: true,
      sourceUrl: true,
      sourceDescription: true,
      quote: true,
      quoteLang: true,
      status: true,
    },
  });
}

export type AnnouncementListItem = Awaited<ReturnType<typeof listAnnouncements>>[number];
