import { z } from "zod";
import { searchTextSchema } from "../search/schema.ts";

/**
 * "Avísame" subscriptions (API.md style, public): the input of
 * POST /api/v1/subscriptions and of the confirm/unsubscribe links, shared by
 * the routes, the form and the pages.
 */
export const SUBSCRIPTION_LOCALES = ["es", "en"] as const;
export type SubscriptionLocale = (typeof SUBSCRIPTION_LOCALES)[number];

export const EMAIL_MAX_LENGTH = 254;

/** Trimmed and lower-cased before the check, so that "Ana@Correo.com " and "ana@correo.com" are one address. */
export const subscriberEmailSchema = z
  .string({ error: "Write your e-mail address (email)." })
  .trim()
  .max(EMAIL_MAX_LENGTH, { error: `An e-mail address has at most ${EMAIL_MAX_LENGTH} characters.` })
  .toLowerCase()
  .pipe(z.email({ error: "This is not a valid e-mail address: write it like nombre@ejemplo.org." }))
  .meta({ description: "Where to write. Never shown to anyone, in no page, answer, log or audit event." });

export const subscribeSchema = z
  .strictObject({
    email: subscriberEmailSchema,
    personId: z.uuid({ error: "personId: not a valid person id." }).optional().meta({
      description: "Be told when a release of this person is verified (a person the public may see).",
    }),
    query: searchTextSchema.optional().meta({
      description: "Or: be told when a release is verified of someone this search finds (as GET /api/v1/search would, exact or close).",
    }),
    locale: z.enum(SUBSCRIPTION_LOCALES, { error: 'locale: "es" or "en".' }).default("es").meta({
      description: "The language of the mails.",
    }),
  })
  .refine((input) => (input.personId === undefined) !== (input.query === undefined), {
    error: "Give either personId or query (exactly one).",
    path: ["personId"],
  });
export type SubscribeInput = z.infer<typeof subscribeSchema>;

/** A link's token as it arrives; anything that is not a current token is a 404, however it was mangled. */
export const linkTokenSchema = z.strictObject({
  token: z
    .string({ error: "Give the token from the link (token)." })
    .trim()
    .min(1, { error: "Give the token from the link (token)." })
    .max(200, { error: "This is not a token from one of our links." })
    .meta({ description: "The `token` parameter of the link in the mail." }),
});
export type LinkTokenInput = z.infer<typeof linkTokenSchema>;

export const subscribeResultSchema = z.object({
  status: z.literal("confirmation_sent").meta({
    description: "Always this answer, whether the address was new, waiting for confirmation or already subscribed.",
  }),
});
export const confirmResultSchema = z.object({ status: z.enum(["confirmed", "already_confirmed"]) });
export const unsubscribeResultSchema = z.object({ status: z.literal("unsubscribed") });

export type ConfirmResult = z.infer<typeof confirmResultSchema>["status"];
