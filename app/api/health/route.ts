import { route } from "@/lib/api/route.ts";
import { databaseIsReachable } from "@/lib/health/data.ts";

export const dynamic = "force-dynamic";

export const GET = route({ access: "public", authenticate: false }, async () => {
  const database = await databaseIsReachable();
  return Response.json(
    { status: database ? "ok" : "unavailable", database: database ? "reachable" : "unreachable" },
    { status: database ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
});
