import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { PublicPerson, STATUS_KEY } from "@/components/public-person/PublicPerson.tsx";
import { pageUrl } from "@/components/public-person/page-url.ts";
import { PersonSubscribe } from "@/components/subscriptions/PersonSubscribe.tsx";
import { TipSection } from "@/components/tips/TipSection.tsx";
import { getViewer } from "@/lib/auth/session.ts";
import { mergedInto, publicPersonById } from "@/lib/persons/data.ts";
import { personIdParamsSchema } from "@/lib/persons/schema.ts";

export const dynamic = "force-dynamic";

const validId = (id: string) => personIdParamsSchema.safeParse({ id }).success;

/** The public view (rule 4 applied by publicPersonById), read once per request for the page and its metadata. */
const load = cache(async (id: string) => (validId(id) ? publicPersonById(id) : null));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const person = await load((await params).id);
  if (!person) return {};
  const status = (await getTranslations("status"))(STATUS_KEY[person.status]);
  // The name as displayed and the status: nothing else goes into previews.
  return {
    title: person.name,
    description: status,
    openGraph: { title: person.name, description: status, type: "website" },
    twitter: { card: "summary", title: person.name, description: status },
  };
}

export default async function PublicPersonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const person = await load(id);
  if (!person) {
    // An old link to a merged record leads to the survivor, if the public may see it.
    const survivor = validId(id) ? await mergedInto(id) : null;
    if (survivor && (await load(survivor))) redirect(`/persona/${survivor}`);
    notFound();
  }
  const [viewer, shareUrl] = await Promise.all([getViewer(), pageUrl(`/persona/${person.id}`)]);
  return (
    <>
      <PublicPerson person={person} shareUrl={shareUrl} internalHref={viewer ? `/expediente/${person.id}` : null} />
      {/* "Avísame" until a release is verified: then there is nothing left to be told. */}
      {person.status !== "release_verified" ? <PersonSubscribe personId={person.id} /> : null}
      {/* "¿Tiene información sobre esta persona?": read by moderators only, never shown here. */}
      <TipSection personId={person.id} />
    </>
  );
}
