import { created, route } from "@/lib/api/route.ts";
import { listOrganizations } from "@/lib/auth/data.ts";
import { createOrganization } from "@/lib/auth/mutations.ts";
import { createOrganizationSchema } from "@/lib/auth/schema.ts";

export const GET = route({ access: "organization.manage" }, async () => {
  const organizations = await listOrganizations();
  return {
    organizations: organizations.map((org) => ({ id: org.id, name: org.name, slug: org.slug, users: org._count.users })),
  };
});

export const POST = route({ access: "organization.manage", body: createOrganizationSchema }, async ({ actor, body }) => {
  const organization = await createOrganization(actor, body);
  return created({ id: organization.id, name: organization.name, slug: organization.slug });
});
