import { route } from "@/lib/api/route.ts";
import { changeAnnouncementStatus } from "@/lib/announcements/mutations.ts";
import { announcementIdParamsSchema, changeAnnouncementStatusSchema } from "@/lib/announcements/schema.ts";

export const POST = route(
  { access: "announcement.manage", params: announcementIdParamsSchema, body: changeAnnouncementStatusSchema },
  async ({ actor, params, body }) => changeAnnouncementStatus(actor, params.id, body),
);
