/**
 * The whole demo, as plain data: people, their releases and the announcements.
 * Pure and deterministic; lib/demo/load.ts writes it to the database.
 */
import { mapAnnouncements, type AnnouncementPlan } from "./announcements.ts";
import { generatePeople, type PersonPlan } from "./people.ts";
import { planReleases, type ReleasePlan } from "./story.ts";
import { planDemoNameList, type NameListPlan } from "./name-list.ts";
import { SYNTHETIC_ANNOUNCEMENTS } from "./synthetic-announcements.ts";

export interface DemoPlan {
  people: PersonPlan[];
  releases: ReleasePlan[];
  announcements: AnnouncementPlan[];
  /** The name list published with the Assembly's "más de 400" (lib/demo/name-list.ts). */
  nameList: NameListPlan;
}

export function buildDemoPlan(): DemoPlan {
  const people = generatePeople();
  const releases = planReleases(people);
  return {
    people,
    releases,
    announcements: [...mapAnnouncements(), ...mapAnnouncements(SYNTHETIC_ANNOUNCEMENTS)],
    nameList: planDemoNameList(people, releases),
  };
}

/** Counts for logs and the SystemState record. */
export function summarizePlan(plan: DemoPlan) {
  const byStatus: Record<string, number> = {};
  for (const release of plan.releases) byStatus[release.status] = (byStatus[release.status] ?? 0) + 1;
  return {
    people: plan.people.length,
    releases: plan.releases.length,
    releasesByStatus: byStatus,
    evidence: plan.releases.reduce((n, r) => n + r.evidence.length, 0),
    reviews: plan.releases.reduce((n, r) => n + r.reviews.length, 0),
    announcements: plan.announcements.length,
  };
}
