import { route } from "@/lib/api/route.ts";
import { errors } from "@/lib/errors.ts";
import { fileAccess } from "@/lib/evidence/data.ts";
import { fileResponseHeaders } from "@/lib/evidence/http.ts";
import { fileParamsSchema } from "@/lib/evidence/schema.ts";
import { fileStorage } from "@/lib/storage/storage.ts";

// Public, but credentials are read: signed-in users may fetch private evidence files.
export const GET = route({ access: "public", params: fileParamsSchema }, async ({ actor, params }) => {
  const file = await fileAccess(params.sha256, actor);
  const stream = file ? await fileStorage().open(params.sha256) : null;
  if (!file || !stream) throw errors.notFound("File");
  return new Response(stream, { status: 200, headers: fileResponseHeaders(file) });
});
