import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { systemActor } from "../auth/actor.ts";
import { findOrganizationBySlug, findUserByEmail, listUsers } from "../auth/data.ts";
import { createApiToken, createOrganization, createUser, ensureDefaultOrganization, resetTotp, updateUser } from "../auth/mutations.ts";
import { createOrganizationSchema, createTokenSchema, createUserSchema, roleSchema } from "../auth/schema.ts";
import { verifyAuditChain } from "../audit/data.ts";
import { disconnectDb } from "../db/client.ts";
import { loadDemo } from "../demo/load.ts";
import { env } from "../env.ts";
import { isAppError } from "../errors.ts";
import { createInvitation } from "../invitations/mutations.ts";
import { createInvitationSchema } from "../invitations/schema.ts";
import { openDatabase } from "../runtime/database.ts";

/**
 * `npm run cli -- <command>`: administration from the command line, against
 * DATABASE_URL or the embedded database of CONSTANCIA_DATA_DIR (the running
 * server's when it is up). Exits 0 on success, 1 on a refused operation,
 * 2 on a usage error, always with a one-line reason on stderr.
 */
const USAGE = `Usage: npm run cli -- <command> [options]

  user add --email E --role volunteer|moderator|admin [--password P] [--name N] [--org SLUG]
  user invite --email E --role volunteer|moderator|admin --by ADMIN_EMAIL [--org SLUG]   (prints the link alone on its last line)
  user list
  user set-role --email E --role volunteer|moderator|admin
  user disable --email E
  user enable --email E
  user reset-2fa --email E        (clears a lost second factor; the user sets it up again)
  org add --name NAME --slug SLUG
  token create --email E [--name N] [--expires-days D]   (prints the token alone on its last line)
  audit verify
  db migrate
  demo load`;

class UsageError extends Error {}

const actor = systemActor("cli");

type Options = Record<string, string | boolean | undefined>;

const COMMANDS: Record<string, { options: string[]; run: (o: Options) => Promise<number> }> = {
  "user add": {
    options: ["email", "role", "password", "name", "org"],
    async run(o) {
      const input = createUserSchema.parse({ email: req(o, "email"), role: req(o, "role"), password: o.password, name: o.name });
      const organization = o.org ? await organizationBySlug(String(o.org)) : await ensureDefaultOrganization(actor);
      const user = await createUser(actor, { ...input, organizationId: organization.id });
      console.log(`created ${user.role} ${user.email} in ${organization.name} (${organization.slug})`);
      if (user.generatedPassword) console.log(`password: ${user.generatedPassword}`);
      return 0;
    },
  },
  "user invite": {
    options: ["email", "role", "by", "org"],
    async run(o) {
      const input = createInvitationSchema.parse({ email: req(o, "email"), role: req(o, "role") });
      // An invitation names the admin who vouches for the person.
      const admin = await userByEmail(req(o, "by"));
      if (admin.role !== "admin" || admin.disabledAt) throw new UsageError(`${admin.email} is not an active admin.`);
      const organization = o.org ? await organizationBySlug(String(o.org)) : await ensureDefaultOrganization(actor);
      const byAdmin = { kind: "user" as const, userId: admin.id, role: admin.role, organizationId: admin.organizationId };
      const invitation = await createInvitation(byAdmin, { ...input, organizationId: organization.id });
      console.log(`invitation for ${input.email} (${input.role}, ${organization.name}), valid until ${invitation.expiresAt.toISOString()}; the link is shown only now:`);
      console.log(`${env.publicUrl()}/invitacion/${invitation.secret}`);
      return 0;
    },
  },
  "user list": {
    options: [],
    async run() {
      for (const user of await listUsers()) {
        const state = user.disabledAt ? "disabled" : "active";
        console.log(`${user.email}\t${user.role}\t${user.organization.slug}\t${state}`);
      }
      return 0;
    },
  },
  "user set-role": {
    options: ["email", "role"],
    async run(o) {
      const role = roleSchema.parse(req(o, "role"));
      const user = await userByEmail(req(o, "email"));
      await updateUser(actor, user.id, { role, version: user.version });
      console.log(`${user.email} is now ${role}`);
      return 0;
    },
  },
  "user disable": {
    options: ["email"],
    async run(o) {
      const user = await userByEmail(req(o, "email"));
      await updateUser(actor, user.id, { disabled: true, version: user.version });
      console.log(`${user.email} is disabled; their sessions and tokens no longer work`);
      return 0;
    },
  },
  "user enable": {
    options: ["email"],
    async run(o) {
      const user = await userByEmail(req(o, "email"));
      await updateUser(actor, user.id, { disabled: false, version: user.version });
      console.log(`${user.email} is enabled`);
      return 0;
    },
  },
  "user reset-2fa": {
    options: ["email"],
    async run(o) {
      const user = await userByEmail(req(o, "email"));
      await resetTotp(actor, user.id);
      console.log(`${user.email} has no second factor now; they will be asked to set it up at their next sign-in`);
      return 0;
    },
  },
  "org add": {
    options: ["name", "slug"],
    async run(o) {
      const organization = await createOrganization(actor, createOrganizationSchema.parse({ name: req(o, "name"), slug: req(o, "slug") }));
      console.log(`created organization ${organization.name} (${organization.slug})`);
      return 0;
    },
  },
  "token create": {
    options: ["email", "name", "expires-days"],
    async run(o) {
      const user = await userByEmail(req(o, "email"));
      if (user.disabledAt) throw new UsageError(`The user ${user.email} is disabled.`);
      const input = createTokenSchema.parse({
        name: o.name ?? "CLI",
        ...(o["expires-days"] !== undefined ? { expiresInDays: Number(o["expires-days"]) } : {}),
      });
      const token = await createApiToken(actor, user.id, input);
      console.log(`token "${token.name}" for ${user.email} (${user.role}); it is shown only now:`);
      console.log(token.token);
      return 0;
    },
  },
  "audit verify": {
    options: [],
    async run() {
      const check = await verifyAuditChain();
      if (check.ok) {
        console.log(`audit chain intact: ${check.events} events`);
        return 0;
      }
      console.error(`audit chain BROKEN at event ${check.brokenAt} (${check.reason}); ${check.events - 1} events before it are intact`);
      return 1;
    },
  },
  "db migrate": {
    options: [],
    async run() {
      console.log("database is up to date");
      return 0;
    },
  },
  "demo load": {
    options: [],
    async run() {
      const result = await loadDemo();
      console.log(result.loaded ? "demo data loaded" : "demo data was already loaded; nothing changed");
      return 0;
    },
  },
};

function req(options: Options, name: string): string {
  const value = options[name];
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(`--${name} is required.`);
  return value;
}

async function userByEmail(email: string) {
  const user = await findUserByEmail(email.trim().toLowerCase());
  if (!user) throw new UsageError(`No user with the e-mail ${email}.`);
  return user;
}

async function organizationBySlug(slug: string) {
  const organization = await findOrganizationBySlug(slug);
  if (!organization || organization.deletedAt) throw new UsageError(`No organization with the slug "${slug}".`);
  return organization;
}

export async function main(argv: string[]): Promise<number> {
  const words = argv.filter((word) => !word.startsWith("-")).slice(0, 2);
  const name = words.join(" ");
  const command = COMMANDS[name];
  if (!command) {
    console.error(argv.length === 0 || argv.includes("--help") ? USAGE : `Unknown command "${argv.join(" ")}".\n\n${USAGE}`);
    return 2;
  }
  let options: Options;
  try {
    const parsed = parseArgs({
      args: argv.slice(argv.indexOf(words[words.length - 1]!) + 1),
      options: Object.fromEntries(command.options.map((option) => [option, { type: "string" as const }])),
      strict: true,
      allowPositionals: false,
    });
    options = parsed.values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }

  let database: Awaited<ReturnType<typeof openDatabase>> | null = null;
  try {
    // Validate what can be validated before touching (or starting) the database.
    if (typeof options.role === "string") roleSchema.parse(options.role);
    database = await openDatabase();
    return await command.run(options);
  } catch (error) {
    console.error(`error: ${describe(error)}`);
    return error instanceof UsageError || error instanceof ZodError ? 2 : 1;
  } finally {
    await disconnectDb();
    await database?.release();
  }
}

function describe(error: unknown): string {
  if (error instanceof ZodError) return error.issues.map((issue) => issue.message).join("; ");
  if (isAppError(error) || error instanceof UsageError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`error: ${describe(error)}`);
    process.exit(1);
  },
);
