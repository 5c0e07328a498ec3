import type { MergeValues } from "@/lib/persons/merge.ts";

/** One of the two records on the merge screen, as the browser gets it (plain JSON, dates already in words). */
export interface MergeCandidateView {
  id: string;
  name: string;
  version: number;
  createdAt: string;
  createdText: string;
  organizationId: string;
  organizationName: string;
  values: MergeValues;
  releases: { id: string; status: "reported" | "verified" | "rejected" | "disputed" | "retracted"; dateText: string | null }[];
  detentions: number;
}
