import { route } from "@/lib/api/route.ts";
import { announcementById } from "@/lib/announcements/data.ts";
import { deleteAnnouncement, updateAnnouncement } from "@/lib/announcements/mutations.ts";
import { announcementIdParamsSchema, deleteAnnouncementSchema, updateAnnouncementSchema } from "@/lib/announcements/schema.ts";
import { errors } from "@/lib/errors.ts";

export const GET = route({ access: "public", authenticate: false, params: announcementIdParamsSchema }, async ({ params }) => {
  const announcement = await announcementById(params.id);
  if (!announcement) throw errors.notFound("Announcement");
  return announcement;
});

export const PATCH = route(
  { access: "announcement.manage", params: announcementIdParamsSchema, body: updateAnnouncementSchema },
  async ({ actor, params, body }) => updateAnnouncement(actor, params.id, body),
);

export const DELETE = route(
  { access: "announcement.manage", params: announcementIdParamsSchema, body: deleteAnnouncementSchema },
  async ({ actor, params, body }) => deleteAnnouncement(actor, params.id, body),
);
