import { EVIDENCE_KINDS } from "../../lib/evidence/schema.ts";
import { conditionsSchema } from "../../lib/releases/schema.ts";
/**
 * Pure helpers of the history pages: what changed in an audit event, which
 * words name its action and its fields, and how a value reads plainly. The
 * words themselves are in the `history` message namespace; these return keys.
 */

/** Actions the history pages put in words (`history.actions.<key>`); others show their code. */
export const ACTION_KEYS = {
  "person.create": "personCreate",
  "person.update": "personUpdate",
  "person.delete": "personDelete",
  "person.purge": "personPurge",
  "person.merge": "personMerge",
  "person.merged_into": "personMergedInto",
  "detention.create": "detentionCreate",
  "release.create": "releaseCreate",
  "release.update": "releaseUpdate",
  "release.dispute": "releaseDispute",
  "release.retract": "releaseRetract",
  "release.reopen": "releaseReopen",
  "release.status": "releaseStatus",
  "review.approve": "reviewApprove",
  "review.reject": "reviewReject",
  "review.request_evidence": "reviewRequestEvidence",
  "review.create": "reviewCreate",
  "evidence.add": "evidenceAdd",
  "evidence.create": "evidenceAdd",
} as const;
export type ActionKey = (typeof ACTION_KEYS)[keyof typeof ACTION_KEYS];

export function actionKey(action: string): ActionKey | null {
  return Object.hasOwn(ACTION_KEYS, action) ? ACTION_KEYS[action as keyof typeof ACTION_KEYS] : null;
}

/** Fields with a name in both languages (`history.fields.<field>`); others show their key. */
export const KNOWN_FIELDS = [
  "givenNames",
  "surnames",
  "otherSpellings",
  "cedula",
  "sex",
  "nationality",
  "birthYear",
  "homeState",
  "disclosure",
  "externalRef",
  "notes",
  "mergedIntoId",
  "absorbed",
  "moved",
  "deletedAt",
  "reason",
  "purgedPersons",
  "purgedReleases",
  "personId",
  "releasedOn",
  "releasedPrecision",
  "facility",
  "conditions",
  "conditionsDetail",
  "status",
  "statusReason",
  "fromStatus",
  "toStatus",
  "reviewRound",
  "round",
  "decision",
  "approvals",
  "approvalsRequired",
  "replacesRequestForEvidence",
  "verifiedAt",
  "evidenceId",
  "kind",
  "url",
  "description",
  "obtainedOn",
  "public",
  "isPublic",
  "file",
  "fileName",
  "detentionId",
  "arrestedOn",
  "charges",
  "afterRelease",
  "source",
] as const;
export type KnownField = (typeof KNOWN_FIELDS)[number];

export function knownField(field: string): KnownField | null {
  return (KNOWN_FIELDS as readonly string[]).includes(field) ? (field as KnownField) : null;
}

/**
 * Keys the history never shows: search keys the app derives from the name,
 * bookkeeping columns, and ids that say nothing to a reader. (The demo loader
 * records whole rows, so its events carry all of them.)
 */
const HIDDEN_FIELDS = new Set([
  "id",
  "normalizedName",
  "nameTokens",
  "phoneticKeys",
  "cedulaDigits",
  "isDemo",
  "version",
  "createdAt",
  "updatedAt",
  "createdById",
  "reportedById",
  "changedById",
  "reviewerId",
  "addedById",
  "releaseId",
  "organizationId",
  "importId",
  "passwordHash",
]);

export interface Change {
  field: string;
  /** undefined: the field was not there before (a creation) or is not there after. */
  before: unknown;
  after: unknown;
}

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/**
 * The fields an event changed, in the order of KNOWN_FIELDS (others after,
 * as the event lists them): a field appears when its value before and after
 * differ, or when the event records it on one side only (creations list what
 * was set), unless it is empty on both.
 */
export function describeChanges(before: unknown, after: unknown): Change[] {
  const b = asRecord(before) ?? {};
  const a = asRecord(after) ?? {};
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((field) => !HIDDEN_FIELDS.has(field));
  const changes: Change[] = [];
  for (const field of fields) {
    const was = Object.hasOwn(b, field) ? b[field] : undefined;
    const is = Object.hasOwn(a, field) ? a[field] : undefined;
    if (Object.hasOwn(b, field) && Object.hasOwn(a, field) && JSON.stringify(was) === JSON.stringify(is)) continue;
    // Empty on both sides (a creation's unset fields, a blank that was dropped) says nothing.
    if (isBlank(was) && isBlank(is)) continue;
    changes.push({ field, before: was, after: is });
  }
  // The database keeps JSON keys in its own order: show known fields in the order people read a record.
  const rank = (field: string) => {
    const index = (KNOWN_FIELDS as readonly string[]).indexOf(field);
    return index === -1 ? KNOWN_FIELDS.length : index;
  };
  return changes.sort((x, y) => rank(x.field) - rank(y.field));
}

const isBlank = (value: unknown) =>
  value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);

/** Values with words of their own: `history.values.<group>.<value>`. */
const VALUE_GROUPS = {
  status: ["reported", "verified", "rejected", "disputed", "retracted"],
  fromStatus: ["reported", "verified", "rejected", "disputed", "retracted"],
  toStatus: ["reported", "verified", "rejected", "disputed", "retracted"],
  disclosure: ["public", "initials", "withheld"],
  sex: ["female", "male", "other", "unknown"],
  decision: ["approve", "reject", "request_evidence"],
  releasedPrecision: ["day", "month", "unknown"],
} as const;
type ValueGroups = typeof VALUE_GROUPS;
export type ValueKey = { [G in keyof ValueGroups]: `${G extends "fromStatus" | "toStatus" ? "status" : G}.${ValueGroups[G][number]}` }[keyof ValueGroups];

/** The message key for a field's value when it has words ("status" "verified" → "status.verified"), else null. */
export function valueKey(field: string, value: unknown): ValueKey | null {
  if (typeof value !== "string" || !Object.hasOwn(VALUE_GROUPS, field)) return null;
  const group = field as keyof ValueGroups;
  if (!(VALUE_GROUPS[group] as readonly string[]).includes(value)) return null;
  const prefix = group === "fromStatus" || group === "toStatus" ? "status" : group;
  return `${prefix}.${value}` as ValueKey;
}

/** Fields whose values are release conditions (`conditions` namespace) or evidence kinds (`evidence.kinds`). */
export const CONDITIONS = conditionsSchema.options;
export { EVIDENCE_KINDS };

export function conditionsValue(field: string, value: unknown): (typeof CONDITIONS)[number] | null {
  return field === "conditions" && typeof value === "string" && (CONDITIONS as readonly string[]).includes(value)
    ? (value as (typeof CONDITIONS)[number])
    : null;
}

export function evidenceKindValue(field: string, value: unknown): (typeof EVIDENCE_KINDS)[number] | null {
  return field === "kind" && typeof value === "string" && (EVIDENCE_KINDS as readonly string[]).includes(value)
    ? (value as (typeof EVIDENCE_KINDS)[number])
    : null;
}

/**
 * A value as plain text, for values without words of their own: null as
 * null (the page shows a dash), lists joined by commas, objects as
 * "key: value" pairs, everything else as written.
 */
export function plainValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value)) return value.map((item) => plainValue(item) ?? "—").join(", ");
  const record = asRecord(value);
  if (record) {
    return Object.entries(record)
      .filter(([key]) => !HIDDEN_FIELDS.has(key))
      .map(([key, item]) => `${key}: ${plainValue(item) ?? "—"}`)
      .join("; ");
  }
  return String(value);
}

/** `?antes=<event id>` of a history page: a positive 64-bit id, else undefined (the newest page). */
export function parseCursor(value: string | string[] | undefined): bigint | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !/^[1-9]\d{0,18}$/.test(raw)) return undefined;
  const id = BigInt(raw);
  return id <= 9_223_372_036_854_775_807n ? id : undefined;
}
