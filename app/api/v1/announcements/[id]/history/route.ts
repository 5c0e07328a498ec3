import { route } from "@/lib/api/route.ts";
import { announcementById, announcementHistory } from "@/lib/announcements/data.ts";
import { announcementIdParamsSchema } from "@/lib/announcements/schema.ts";
import { errors } from "@/lib/errors.ts";

// Every version of a public claim is public too (who changed it is not).
export const GET = route({ access: "public", authenticate: false, params: announcementIdParamsSchema }, async ({ params }) => {
  if (!(await announcementById(params.id))) throw errors.notFound("Announcement");
  return { revisions: await announcementHistory(params.id) };
});
