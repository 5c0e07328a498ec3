import { route } from "@/lib/api/route.ts";
import { attachArchivedCopy } from "@/lib/announcements/mutations.ts";
import { readArchiveRequest } from "@/lib/announcements/request.ts";
import { announcementIdParamsSchema } from "@/lib/announcements/schema.ts";

// A form with a file: the body is read here, not by route().
export const POST = route({ access: "announcement.manage", params: announcementIdParamsSchema }, async ({ actor, params, request }) => {
  const { version, file } = await readArchiveRequest(request);
  return attachArchivedCopy(actor, params.id, version, file);
});
