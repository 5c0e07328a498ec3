import type { InternalExportPerson, InternalExportRelease, PublicExportPerson } from "./data.ts";
import type { InternalExportRow, PublicExportRow } from "./schema.ts";

/**
 * Records → the rows the CSV, JSON and XLSX writers write. Pure: the same
 * batch always gives the same rows.
 */

/** The public rows of a batch: one per verified release. */
export function publicRows(batch: readonly PublicExportPerson[], publicUrl: string): PublicExportRow[] {
  const base = publicUrl.replace(/\/+$/, "");
  return batch.flatMap((entry) =>
    entry.releases.map((release) => ({
      personId: entry.person.id,
      name: entry.person.displayName,
      disclosure: entry.person.disclosure,
      releaseId: release.id,
      status: "release_verified" as const,
      releasedMonth: release.releasedMonth,
      conditions: release.conditions,
      verifiedOn: release.verifiedAt.slice(0, 10),
      organization: release.organizationName,
      url: `${base}/persona/${entry.person.id}`,
    })),
  );
}

/** A release date as the import reads it back: YYYY-MM-DD, YYYY-MM for a month, "" when unknown. */
function importDate(date: Date | null, precision: InternalExportRelease["releasedPrecision"] = "day"): string | null {
  if (!date || precision === "unknown") return null;
  const day = date.toISOString().slice(0, 10);
  return precision === "month" ? day.slice(0, 7) : day;
}

/** The internal rows of a batch: one per live release, or one for a person with none. */
export function internalRows(batch: readonly InternalExportPerson[]): InternalExportRow[] {
  return batch.flatMap((person) => {
    const releases: (InternalExportRelease | null)[] = person.releases.length > 0 ? person.releases : [null];
    return releases.map((release) => {
      const detention = release?.detention ?? person.latestDetention;
      return {
        external_id: person.externalRef,
        given_names: person.givenNames,
        surnames: person.surnames,
        cedula: person.cedula,
        sex: person.sex,
        nationality: person.nationality,
        birth_year: person.birthYear,
        home_state: person.homeState,
        arrested_on: importDate(detention?.arrestedOn ?? null),
        facility: release?.facility ?? detention?.facility ?? null,
        released_on: release ? importDate(release.releasedOn, release.releasedPrecision) : null,
        release_conditions: release?.conditions ?? null,
        disclosure: person.disclosure,
        notes: person.notes,
        release_status: release?.status ?? null,
        release_status_reason: release?.statusReason ?? null,
        verified_at: release?.verifiedAt ? release.verifiedAt.toISOString() : null,
        release_conditions_detail: release?.conditionsDetail ?? null,
        person_id: person.id,
        release_id: release?.id ?? null,
        person_version: person.version,
        release_version: release?.version ?? null,
        created_at: (release?.createdAt ?? person.createdAt).toISOString(),
      };
    });
  });
}
