import { formatDateTime, formatDay, formatMonth } from "@/lib/i18n/format.ts";
import type { AppLocale } from "@/lib/i18n/locale.ts";
import type { personsForMerge } from "@/lib/persons/data.ts";
import type { MergeValues } from "@/lib/persons/merge.ts";
import { fullName } from "@/lib/persons/public.ts";
import { MERGEABLE_FIELDS } from "@/lib/persons/schema.ts";
import type { MergeCandidateView } from "./types.ts";

type Loaded = NonNullable<Awaited<ReturnType<typeof personsForMerge>>["first"]>;

/** A record of the merge screen as the browser gets it: its mergeable values, and dates already in words. */
export function mergeCandidateView(person: Loaded, locale: AppLocale): MergeCandidateView {
  const values = Object.fromEntries(MERGEABLE_FIELDS.map((field) => [field, person[field] ?? null])) as MergeValues;
  return {
    id: person.id,
    name: fullName(person.givenNames, person.surnames),
    version: person.version,
    createdAt: person.createdAt.toISOString(),
    createdText: formatDateTime(locale, person.createdAt),
    organizationId: person.organization.id,
    organizationName: person.organization.name,
    values,
    releases: [...person.releases]
      .sort((x, y) => (y.releasedOn?.getTime() ?? 0) - (x.releasedOn?.getTime() ?? 0))
      .map((release) => ({
        id: release.id,
        status: release.status,
        dateText: !release.releasedOn || release.releasedPrecision === "unknown"
          ? null
          : release.releasedPrecision === "month"
            ? formatMonth(locale, release.releasedOn)
            : formatDay(locale, release.releasedOn),
      })),
    detentions: person.detentions.length,
  };
}
