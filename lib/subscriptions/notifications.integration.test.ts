import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as confirmRoute } from "@/app/api/v1/subscriptions/confirm/route.ts";
import { POST as subscribeRoute } from "@/app/api/v1/subscriptions/route.ts";
import { POST as unsubscribeRoute } from "@/app/api/v1/subscriptions/unsubscribe/route.ts";
import { db } from "../db/client.ts";
import { addEvidence } from "../evidence/mutations.ts";
import { useTemporaryDataDir } from "../evidence/test-setup.ts";
import { jobBoss } from "../jobs/boss.ts";
import { enqueue } from "../jobs/enqueue.ts";
import { startWorkers, stopWorkers } from "../jobs/workers.ts";
import { createPerson, updatePerson } from "../persons/mutations.ts";
import { makeOrganization, makeRelease, uniqueWord } from "../persons/test-fixtures.ts";
import { createRelease } from "../releases/mutations.ts";
import { reviewRelease } from "../reviews/mutations.ts";
import { makeActor } from "../testing/actors.ts";
import { releaseVerifiedJobId } from "./enqueue.ts";
import { onReleaseVerified, sendNotification, sweep } from "./jobs.ts";
import { confirmSubscription, unsubscribe } from "./mutations.ts";
import { linkToken, mailsTo, subscriptionWithLinks, testAddress, waitFor } from "./test-fixtures.ts";

/**
 * "Avísame" end to end on the real database, with a real pg-boss and its
 * workers running in this process: subscribe → confirmation mail → confirm →
 * a release verified by two moderators → exactly one notification, with its
 * unsubscribe link, however often the jobs run.
 */
type UserActor = Awaited<ReturnType<typeof makeActor>>;
let dataDir: Awaited<ReturnType<typeof useTemporaryDataDir>>;
let volunteer: UserActor;
let moderators: [UserActor, UserActor];
const saved = { smtp: process.env.SMTP_URL, publicUrl: process.env.CONSTANCIA_PUBLIC_URL };

beforeAll(async () => {
  dataDir = await useTemporaryDataDir();
  delete process.env.SMTP_URL;
  process.env.CONSTANCIA_PUBLIC_URL = "https://constancia.test";
  const organizationId = (await makeOrganization()).id;
  volunteer = await makeActor("volunteer", organizationId);
  moderators = [await makeActor("moderator", organizationId, "mod-a"), await makeActor("moderator", organizationId, "mod-b")];
  await startWorkers({ pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await stopWorkers();
  for (const [name, value] of [["SMTP_URL", saved.smtp], ["CONSTANCIA_PUBLIC_URL", saved.publicUrl]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await dataDir.restore();
});

/** A person with a reported release that has evidence, ready for two approvals. */
async function reportedPerson(disclosure: "public" | "initials" = "public") {
  const surname = uniqueWord("Rondon");
  const cedulaDigits = String(30_000_000 + Math.floor(Math.random() * 60_000_000));
  const person = await createPerson(volunteer, { givenNames: "Teodoro Amadeo", surnames: `Mújica ${surname}`, disclosure, cedula: `V-${cedulaDigits}` });
  const release = await createRelease(volunteer, person.id, { releasedOn: "2026-01-12", conditions: "full" });
  await addEvidence(volunteer, release.id, { kind: "press_report", url: "https://example.org/nota", description: "Nota de prensa", public: true });
  return { personId: person.id, releaseId: release.id, fullName: `Teodoro Amadeo Mújica ${surname}`, cedulaDigits };
}

async function verify(releaseId: string) {
  for (const moderator of moderators) await reviewRelease(moderator, releaseId, { decision: "approve" });
  return (await db().release.findUniqueOrThrow({ where: { id: releaseId } })).verifiedAt!;
}

const post = (handler: (request: Request) => Promise<Response>, body: unknown) =>
  handler(
    new Request("http://localhost/api/v1/subscriptions", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": randomUUID() },
      body: JSON.stringify(body),
    }),
  );

/** Waits until pg-boss has finished a job (completed, or failed for good). */
async function jobDone(queue: "release-verified", id: string) {
  const boss = await jobBoss();
  return waitFor(`job ${queue} ${id}`, async () => {
    const job = await boss.getJobById(queue, id, { includeArchive: true });
    return job && (job.state === "completed" || job.state === "failed") ? job : null;
  });
}

async function confirmedSubscriber(input: { personId: string } | { query: string }) {
  const links = await subscriptionWithLinks(input);
  await confirmSubscription(links.confirmToken);
  const { email } = await db().subscription.findUniqueOrThrow({ where: { id: links.subscriptionId } });
  return { ...links, email };
}

describe("notifications", () => {
  it("subscribe, confirm from the mail, verify: exactly one notice with its unsubscribe link, even when the job runs twice", async () => {
    const { personId, releaseId, fullName, cedulaDigits } = await reportedPerson();
    const email = testAddress("madre");

    expect((await post(subscribeRoute, { email, personId })).status).toBe(202);
    const [confirmation] = await waitFor("the confirmation mail", async () => {
      const mails = await mailsTo(dataDir.dir, email, "confirmation");
      return mails.length > 0 && mails;
    });
    expect(confirmation!.mail.headers.subject).toBe(`Confirme su aviso sobre ${fullName}`);
    const confirmToken = linkToken(confirmation!.mail.text, "confirmar")!;
    expect(confirmToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(confirmation!.mail.text).toContain("https://constancia.test/avisos/confirmar?token=");
    expect(confirmation!.mail.headers["list-unsubscribe"]).toMatch(/^<https:\/\/constancia\.test\/avisos\/baja\?token=[A-Za-z0-9_-]{43}>$/);
    // Only hashes are stored: the token of the mail is nowhere in the row.
    const row = await db().subscription.findFirstOrThrow({ where: { email } });
    expect(JSON.stringify(row)).not.toContain(confirmToken);

    // Asking again within minutes: the same answer, no second row, no second mail.
    expect(await (await post(subscribeRoute, { email, personId })).json()).toEqual({ status: "confirmation_sent" });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await mailsTo(dataDir.dir, email, "confirmation")).toHaveLength(1);
    expect(await db().subscription.count({ where: { email } })).toBe(1);

    expect(await (await post(confirmRoute, { token: confirmToken })).json()).toEqual({ status: "confirmed" });
    expect(await (await post(confirmRoute, { token: confirmToken })).json()).toEqual({ status: "already_confirmed" });
    expect((await post(confirmRoute, { token: `${confirmToken.slice(0, 20)}x${confirmToken.slice(21)}` })).status).toBe(404);

    const verifiedAt = await verify(releaseId);
    const [notice] = await waitFor("the notice", async () => {
      const mails = await mailsTo(dataDir.dir, email, "notification");
      return mails.length > 0 && mails;
    });
    expect(notice!.mail.headers.subject).toBe(`Liberación verificada: ${fullName}`);
    expect(notice!.mail.text).toContain(`https://constancia.test/persona/${personId}`);
    const unsubscribeToken = linkToken(notice!.mail.text, "baja")!;
    expect(notice!.mail.headers["list-unsubscribe"]).toBe(`<https://constancia.test/avisos/baja?token=${unsubscribeToken}>`);
    // Never more than the public page: no cédula, no facility, no evidence.
    expect(notice!.mail.text).not.toContain(cedulaDigits);
    expect(notice!.mail.html).not.toContain(cedulaDigits);
    expect(notice!.mail.text).not.toContain("example.org/nota");

    // The "release verified" job delivered again (a second job, and the handler run by hand): still one notice.
    await jobDone("release-verified", releaseVerifiedJobId(releaseId, verifiedAt));
    const duplicate = await enqueue("release-verified", { releaseId }, { id: randomUUID() });
    expect(duplicate).not.toBeNull();
    await jobDone("release-verified", duplicate!);
    await onReleaseVerified({ releaseId }, { id: "by-hand" });
    const [delivery] = await db().notificationDelivery.findMany({ where: { releaseId, subscription: { email } } });
    await sendNotification({ deliveryId: delivery!.id }, { id: "by-hand" });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await mailsTo(dataDir.dir, email, "notification")).toHaveLength(1);
    expect(await db().notificationDelivery.count({ where: { releaseId, subscription: { email } } })).toBe(1);
    expect(await db().notificationDelivery.findUniqueOrThrow({ where: { id: delivery!.id } })).toMatchObject({ attempts: 1, lastError: null });

    // The link in the notice unsubscribes, as often as it is used.
    for (let i = 0; i < 2; i++) expect(await (await post(unsubscribeRoute, { token: unsubscribeToken })).json()).toEqual({ status: "unsubscribed" });
    expect((await post(unsubscribeRoute, { token: unsubscribeToken.split("").reverse().join("") })).status).toBe(404);
  });

  it("tells a search subscriber whose search finds the person, once per address", async () => {
    const { personId, releaseId, fullName } = await reportedPerson();
    const searcher = await confirmedSubscriber({ query: fullName.toUpperCase().replace("Ú", "U") });
    const elsewhere = await confirmedSubscriber({ query: `Ana María ${uniqueWord("Quintero")}` });
    // One address, two subscriptions that both find the person: one mail.
    const both = await confirmedSubscriber({ personId });
    await subscriptionWithLinks({ email: both.email, query: fullName }).then((links) => confirmSubscription(links.confirmToken));

    await verify(releaseId);
    const [notice] = await waitFor("the search notice", async () => {
      const mails = await mailsTo(dataDir.dir, searcher.email, "notification");
      return mails.length > 0 && mails;
    });
    expect(notice!.mail.text).toContain(`coincide con su búsqueda «${fullName.toUpperCase().replace("Ú", "U")}»`);
    await waitFor("the person notice", async () => (await mailsTo(dataDir.dir, both.email, "notification")).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await mailsTo(dataDir.dir, both.email, "notification")).toHaveLength(1);
    expect(await mailsTo(dataDir.dir, elsewhere.email)).toHaveLength(0);
  });

  it("a failed send is counted and retried with back-off, never sent twice", async () => {
    const { personId, releaseId } = await reportedPerson();
    const subscriber = await confirmedSubscriber({ personId });
    process.env.SMTP_URL = "smtp://127.0.0.1:1"; // nothing listens there: the connection is refused
    let deliveryId: string;
    try {
      await verify(releaseId);
      const failed = await waitFor("a failed attempt", async () => {
        const row = await db().notificationDelivery.findFirst({ where: { releaseId, subscriptionId: subscriber.subscriptionId } });
        return row && row.attempts >= 1 && row;
      });
      deliveryId = failed.id;
      expect(failed.sentAt).toBeNull();
      expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(failed.lastError).not.toContain(subscriber.email);
      const job = await waitFor("the job waiting to retry", async () => {
        const found = await (await jobBoss()).getJobById("send-notification", deliveryId, { includeArchive: false });
        return found?.state === "retry" && found;
      });
      expect(job).toMatchObject({ retryBackoff: true, retryLimit: 10, retryDelay: 30 });
      expect(JSON.stringify(job.output)).not.toContain(subscriber.email);
      // Back-off: the first retry waits 30 to 60 seconds, later ones about twice as long each time.
      expect(job.startAfter.getTime()).toBeGreaterThan(Date.now() + 20_000);
    } finally {
      delete process.env.SMTP_URL;
    }
    // The retry (run here rather than waiting for its back-off) sends it; any later run sends nothing.
    await sendNotification({ deliveryId }, { id: "retry" });
    await sendNotification({ deliveryId }, { id: "retry-again" });
    expect(await mailsTo(dataDir.dir, subscriber.email, "notification")).toHaveLength(1);
    const sent = await db().notificationDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(sent.sentAt).not.toBeNull();
    expect(sent.attempts).toBe(2);
    expect(sent.lastError).toBeNull();
  });

  it("the unsubscribed, and everyone asking about a withheld person, get nothing", async () => {
    // A public person: the cancelled subscriber gets nothing, the other one a notice.
    const open = await reportedPerson();
    const cancelled = await confirmedSubscriber({ personId: open.personId });
    await unsubscribe(cancelled.unsubscribeToken);
    const control = await confirmedSubscriber({ personId: open.personId });
    await verify(open.releaseId);
    await waitFor("the control notice", async () => (await mailsTo(dataDir.dir, control.email, "notification")).length > 0);

    // A person withheld after people subscribed: nobody is told, by person or by search.
    const hidden = await reportedPerson();
    const byPerson = await confirmedSubscriber({ personId: hidden.personId });
    const bySearch = await confirmedSubscriber({ query: hidden.fullName });
    const { version } = await db().person.findUniqueOrThrow({ where: { id: hidden.personId } });
    await updatePerson(volunteer, hidden.personId, { disclosure: "withheld", version });
    const verifiedAt = await verify(hidden.releaseId);
    await jobDone("release-verified", releaseVerifiedJobId(hidden.releaseId, verifiedAt));

    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const nobody of [cancelled, byPerson, bySearch]) expect(await mailsTo(dataDir.dir, nobody.email, "notification")).toHaveLength(0);
    expect(await db().notificationDelivery.count({ where: { releaseId: hidden.releaseId } })).toBe(0);
    expect(await db().notificationDelivery.count({ where: { subscriptionId: cancelled.subscriptionId } })).toBe(0);
  });

  it("the sweep is scheduled with pg-boss's clock", async () => {
    const schedules = await (await jobBoss()).getSchedules();
    expect(schedules).toContainEqual(expect.objectContaining({ name: "notification-sweep", cron: "*/10 * * * *" }));
  });

  it("the sweep finds a verified release whose job was lost, and its notices go out", async () => {
    const organizationId = (await makeOrganization()).id;
    const surname = uniqueWord("Barrios");
    const person = await createPerson(volunteer, { givenNames: "Amelia", surnames: surname, disclosure: "public" });
    const subscriber = await confirmedSubscriber({ personId: person.id });
    // Verified straight in the database, as if the process had died between the commit and the enqueue.
    const release = await makeRelease(organizationId, person.id, { history: [{ status: "verified", at: new Date(Date.now() - 5 * 60_000) }] });
    await sweep({}, { id: "by-hand" });
    await waitFor("the swept notice", async () => (await mailsTo(dataDir.dir, subscriber.email, "notification")).length > 0);
    // A second sweep finds the job done and queues nothing new.
    await sweep({}, { id: "by-hand-again" });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await mailsTo(dataDir.dir, subscriber.email, "notification")).toHaveLength(1);
    expect(await db().notificationDelivery.count({ where: { releaseId: release.id } })).toBe(1);
  });
});
