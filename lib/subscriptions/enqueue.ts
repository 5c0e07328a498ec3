import { enqueue } from "../jobs/enqueue.ts";
import { jobIdFor } from "../jobs/job-id.ts";

/**
 * The sending side of the subscription jobs: what the web server (and the
 * review that verifies a release) puts on the queue. The handlers that run
 * these jobs are in jobs.ts, in the worker process.
 */

/** A second request for the same subscription within this many seconds sends no second mail. */
export const CONFIRMATION_RESEND_SECONDS = 10 * 60;

export async function requestConfirmationMail(subscriptionId: string): Promise<void> {
  await enqueue("send-confirmation", { subscriptionId }, { singletonKey: subscriptionId, singletonSeconds: CONFIRMATION_RESEND_SECONDS });
}

/**
 * One "release verified" job per verification (a release verified, disputed
 * and verified again is told about again): the id comes from the release and
 * the moment it was verified, so the sweep can tell whether it was sent.
 */
export function releaseVerifiedJobId(releaseId: string, verifiedAt: Date): string {
  return jobIdFor("release-verified", releaseId, verifiedAt.toISOString());
}

export async function queueReleaseVerified(releaseId: string, verifiedAt: Date): Promise<void> {
  await enqueue("release-verified", { releaseId }, { id: releaseVerifiedJobId(releaseId, verifiedAt) });
}

/**
 * Called by lib/reviews after the transaction that verified a release has
 * committed, with the verifiedAt it wrote. It never throws: a review must not
 * fail because the queue is unreachable. What is lost here, the periodic
 * sweep (jobs.ts) sends later.
 */
export async function announceReleaseVerified(releaseId: string, verifiedAt: Date): Promise<void> {
  try {
    await queueReleaseVerified(releaseId, verifiedAt);
  } catch (error) {
    console.error(`[constancia] could not queue the notices of release ${releaseId}; the sweep will: ${(error as Error).message}`);
  }
}
