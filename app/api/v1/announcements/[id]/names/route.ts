import { route } from "@/lib/api/route.ts";
import { announcementIdParamsSchema } from "@/lib/announcements/schema.ts";
import { errors } from "@/lib/errors.ts";
import { publicListPage } from "@/lib/names/data.ts";
import { startNameListImport } from "@/lib/names/import.ts";
import { readNameListRequest } from "@/lib/names/request.ts";
import { publicListQuerySchema } from "@/lib/names/schema.ts";

export const GET = route(
  { access: "public", authenticate: false, params: announcementIdParamsSchema, query: publicListQuerySchema },
  async ({ params, query }) => {
    const page = await publicListPage(params.id, query);
    if (!page) throw errors.notFound("Announcement");
    return page;
  },
);

// text/csv or text/plain: the body is read here, not by route().
export const POST = route({ access: "announcement.manage", params: announcementIdParamsSchema }, async ({ actor, params, request }) => {
  const upload = await readNameListRequest(request);
  return Response.json(await startNameListImport(actor, params.id, upload), { status: 202 });
});
