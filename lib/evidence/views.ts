import type { z } from "zod";
import type { EvidenceItem } from "./data.ts";
import type { evidenceItemSchema } from "./schema.ts";

/** Where a stored file is fetched. */
export const fileHref = (sha256: string) => `/api/v1/files/${sha256}`;

/** One evidence item as the API answers it (`evidenceItemSchema`). */
export function evidenceItemView(item: EvidenceItem): z.output<typeof evidenceItemSchema> {
  return {
    id: item.id,
    kind: item.kind,
    url: item.url,
    description: item.description,
    obtainedOn: item.obtainedOn ? item.obtainedOn.toISOString().slice(0, 10) : null,
    public: item.isPublic,
    createdAt: item.createdAt.toISOString(),
    addedBy: item.addedBy,
    file: item.file ? { ...item.file, href: fileHref(item.file.sha256) } : null,
  };
}
