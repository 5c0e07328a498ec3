import { created, route } from "@/lib/api/route.ts";
import { errors } from "@/lib/errors.ts";
import { evidenceForRelease, releaseExists } from "@/lib/evidence/data.ts";
import { addEvidence } from "@/lib/evidence/mutations.ts";
import { readAddEvidenceRequest } from "@/lib/evidence/request.ts";
import { evidenceReleaseParamsSchema } from "@/lib/evidence/schema.ts";
import { evidenceItemView } from "@/lib/evidence/views.ts";

// JSON (a link) or multipart/form-data (a file): the body is read here, not by route().
export const POST = route({ access: "evidence.create", params: evidenceReleaseParamsSchema }, async ({ actor, params, request }) => {
  const { input, file } = await readAddEvidenceRequest(request);
  return created(await addEvidence(actor, params.id, input, file));
});

export const GET = route({ access: "evidence.view_private", params: evidenceReleaseParamsSchema }, async ({ params }) => {
  if (!(await releaseExists(params.id))) throw errors.notFound("Release");
  return { evidence: (await evidenceForRelease(params.id)).map(evidenceItemView) };
});
