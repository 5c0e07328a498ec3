import { created, route } from "@/lib/api/route.ts";
import { listAnnouncementViews } from "@/lib/announcements/data.ts";
import { createAnnouncement } from "@/lib/announcements/mutations.ts";
import { createAnnouncementSchema } from "@/lib/announcements/schema.ts";

// Claims are public statements: anyone may read them.
export const GET = route({ access: "public", authenticate: false }, async () => ({ announcements: await listAnnouncementViews() }));

export const POST = route({ access: "announcement.manage", body: createAnnouncementSchema }, async ({ actor, body }) =>
  created(await createAnnouncement(actor, body)),
);
