import { redirect } from "next/navigation";
import { decide, type Action } from "./policy.ts";
import { actorOf, getViewer, type Viewer } from "./session.ts";

export const SECOND_FACTOR_PATH = "/cuenta/verificacion";

/**
 * For pages: the signed-in viewer allowed to `action`, or a redirect to the
 * sign-in page (not signed in), or `{ denied: true }` (signed in, not allowed)
 * for the page to say so. The data functions and actions check again: this is
 * what the page shows, not the only gate.
 */
export async function viewerFor(action: Action, path: string): Promise<{ viewer: Viewer; denied: false } | { viewer: Viewer; denied: true }> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/ingresar?callbackUrl=${encodeURIComponent(path)}`);
  const decision = decide(actorOf(viewer), action);
  if (!decision.ok && decision.reason === "second_factor") redirect(SECOND_FACTOR_PATH);
  return decision.ok ? { viewer, denied: false } : { viewer, denied: true };
}
