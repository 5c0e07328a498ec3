import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApiReference } from "@/components/api-docs/ApiReference.tsx";
import { openApiDocument } from "@/lib/api/openapi/document.ts";
import { buildReference } from "@/lib/api/openapi/reference.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiDocs"))("title") };
}

/** The API reference, from the document served at /api/v1/openapi.json. */
export default async function ApiReferencePage() {
  const t = await getTranslations("apiDocs");
  return <ApiReference reference={buildReference(openApiDocument())} t={t} />;
}
