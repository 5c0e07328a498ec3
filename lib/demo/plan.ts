/**
 * The whole demo, as plain data: people, their releases and the announcements.
 * Pure and deterministic; lib/demo/load.ts writes it to the database.
 */
import { mapAnnouncements, type AnnouncementPlan } from "./announcements.ts";
import { generatePeople, type PersonPlan } from "./people.ts";
import { planReleases, type ReleasePlan } from "./story.ts";

export interface DemoPlan {
  people: PersonPlan[];
  releases: ReleasePlan[];
  announcements: AnnouncementPlan[];
}

export function buildDemoPlan(): DemoPlan {
  const people = generatePeople();
  return { people, releases: planReleases(people), announcements: mapAnnouncements() };
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
