import type { getTranslations } from "next-intl/server";

/** The `apiDocs` translator, passed down the server components of the reference. */
export type ApiDocsT = Awaited<ReturnType<typeof getTranslations<"apiDocs">>>;
