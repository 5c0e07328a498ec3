import { redirect } from "next/navigation";
import { decide, type Action } from "./policy.ts";
import { getViewer, type Viewer } from "./session.ts";

/**
 * For pages: the signed-in viewer allowed to `action`, or a redirect to the
 * sign-in page (not signed in), or `{ denied: true }` (signed in, not allowed)
 * for the page to say so. The data functions and actions check again: this is
 * what the page shows, not the only gate.
 */
export async function viewerFor(action: Action, path: string): Promise<{ viewer: Viewer; denied: false } | { viewer: Viewer; denied: true }> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/ingresar?callbackUrl=${encodeURIComponent(path)}`);
  const allowed = decide({ kind: "user", userId: viewer.id, role: viewer.role, organizationId: viewer.organizationId }, action).ok;
  return allowed ? { viewer, denied: false } : { viewer, denied: true };
}
