import type { Actor } from "../auth/actor.ts";
import { can } from "../auth/policy.ts";
import { db, type Prisma } from "../db/client.ts";
import type { EvidenceKind } from "../generated/prisma/enums.ts";
import { isSha256 } from "../storage/storage.ts";
import { extensionFor } from "./types.ts";

/**
 * Reads of evidence: the signed-in view of a release's evidence, the public
 * view for the public person page, and who may fetch a stored file.
 */

/** A release evidence may be added to: not deleted, its person neither deleted nor merged away. */
export const liveReleaseWhere = (releaseId: string) =>
  ({ id: releaseId, deletedAt: null, person: { deletedAt: null, mergedIntoId: null } }) satisfies Prisma.ReleaseWhereInput;

/**
 * Evidence the public may see: marked public, not deleted, on a release that
 * is not deleted, rejected or retracted, of a person who is not deleted and
 * not withheld. The one definition, for the person page and for file access.
 */
export const publicEvidenceWhere = {
  isPublic: true,
  deletedAt: null,
  release: {
    deletedAt: null,
    status: { notIn: ["rejected", "retracted"] },
    person: { deletedAt: null, disclosure: { not: "withheld" } },
  },
} satisfies Prisma.EvidenceWhereInput;

/** Whether evidence may be added to this release (see `liveReleaseWhere`). */
export async function liveReleaseExists(releaseId: string): Promise<boolean> {
  return (await db().release.count({ where: liveReleaseWhere(releaseId) })) > 0;
}

/** Whether the release exists and is not deleted (its evidence may be listed). */
export async function releaseExists(releaseId: string): Promise<boolean> {
  return (await db().release.count({ where: { id: releaseId, deletedAt: null } })) > 0;
}

export interface EvidenceItem {
  id: string;
  releaseId: string;
  kind: EvidenceKind;
  url: string | null;
  description: string;
  /** A calendar day (midnight UTC), or null. */
  obtainedOn: Date | null;
  isPublic: boolean;
  createdAt: Date;
  addedBy: { id: string; name: string } | null;
  file: { sha256: string; size: number; contentType: string; fileName: string | null } | null;
}

/** Every evidence of a release that is not deleted, oldest first, with its file and who added it (signed-in pages). */
export async function evidenceForRelease(releaseId: string): Promise<EvidenceItem[]> {
  const rows = await db().evidence.findMany({
    where: { releaseId, deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      releaseId: true,
      kind: true,
      url: true,
      description: true,
      obtainedOn: true,
      isPublic: true,
      createdAt: true,
      fileName: true,
      addedBy: { select: { id: true, name: true } },
      file: { select: { sha256: true, size: true, contentType: true } },
    },
  });
  return rows.map(({ fileName, file, ...row }) => ({ ...row, file: file ? { ...file, fileName } : null }));
}

export interface PublicEvidence {
  id: string;
  personId: string;
  releaseId: string;
  kind: EvidenceKind;
  url: string | null;
  description: string;
  obtainedOn: Date | null;
  /** Fetch it at /api/v1/files/{sha256}. Never the original file name. */
  file: { sha256: string; contentType: string } | null;
}

/**
 * The public evidence of these persons' releases (public person page): built
 * field by field, so who added it, the file's original name and anything
 * internal cannot reach the public.
 */
export async function publicEvidenceForPersons(personIds: readonly string[]): Promise<PublicEvidence[]> {
  if (personIds.length === 0) return [];
  const rows = await db().evidence.findMany({
    where: { ...publicEvidenceWhere, release: { ...publicEvidenceWhere.release, personId: { in: [...personIds] } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      url: true,
      description: true,
      obtainedOn: true,
      release: { select: { id: true, personId: true } },
      file: { select: { sha256: true, contentType: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    personId: row.release.personId,
    releaseId: row.release.id,
    kind: row.kind,
    url: row.url,
    description: row.description,
    obtainedOn: row.obtainedOn,
    file: row.file ? { sha256: row.file.sha256, contentType: row.file.contentType } : null,
  }));
}

export interface FileAccess {
  contentType: string;
  size: number;
  /** The name to send: the original one for signed-in users, a neutral one for public files. */
  fileName: string;
  /** Whether the public may fetch it (and caches may keep it). */
  isPublic: boolean;
}

/**
 * Whether `viewer` may fetch the stored file `sha256`, and how to send it.
 * The public: only a file of at least one public evidence (`publicEvidenceWhere`).
 * Signed-in users who may see private evidence: any file of evidence that is not deleted.
 * Moderators and admins (`tip.review`): also the files sent with tips, which
 * are never public, whatever else (lib/tips).
 * Anything else — unknown hash, files of imports, deleted evidence, a tip's file
 * asked for by the public or a volunteer — is null, which callers answer as 404
 * (not 403, so hashes cannot be probed).
 */
export async function fileAccess(sha256: string, viewer: Actor | null): Promise<FileAccess | null> {
  if (!isSha256(sha256)) return null;
  const file = await db().storedFile.findUnique({
    where: { sha256 },
    select: {
      contentType: true,
      size: true,
      evidence: { where: publicEvidenceWhere, select: { id: true }, take: 1 },
      // An announcement's archived copy is public, like the statement it preserves.
      announcements: { where: { deletedAt: null }, select: { id: true }, take: 1 },
    },
  });
  if (!file) return null;
  if (file.announcements.length > 0) {
    return { contentType: file.contentType, size: file.size, fileName: neutralName(sha256, file.contentType, "anuncio"), isPublic: true };
  }
  if (file.evidence.length > 0) {
    // Public: the same answer for everyone (it may be cached), with a name that says nothing.
    return { contentType: file.contentType, size: file.size, fileName: neutralName(sha256, file.contentType), isPublic: true };
  }
  const evidence = can(viewer, "evidence.view_private")
    ? await db().evidence.findFirst({
        where: { fileSha256: sha256, deletedAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { fileName: true },
      })
    : null;
  if (evidence) {
    return {
      contentType: file.contentType,
      size: file.size,
      fileName: evidence.fileName ?? neutralName(sha256, file.contentType),
      isPublic: false,
    };
  }
  // A tip's file: tips keep no original name (it may say who sent it), so a neutral one.
  if (can(viewer, "tip.review") && (await db().tip.count({ where: { fileSha256: sha256 } })) > 0) {
    return { contentType: file.contentType, size: file.size, fileName: neutralName(sha256, file.contentType, "pista"), isPublic: false };
  }
  return null;
}

function neutralName(sha256: string, contentType: string, prefix = "evidencia"): string {
  return `${prefix}-${sha256.slice(0, 12)}.${extensionFor(contentType)}`;
}
