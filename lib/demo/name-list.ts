/**
 * The demo's name list: the one the National Assembly's president promised
 * with his "más de 400" of 13 January 2026 (announcement "an-2026-01-13"),
 * as if published three days later. SYNTHETIC: the lines are made from the
 * demo's own made-up people, printed the way an official list prints names
 * (capitals, surnames first, some with cédula), plus made-up names of nobody
 * on record.
 *
 * The lines are matched here, in memory, with the same matcher and the same
 * decision rule as the job that matches a loaded list (lib/names): exact and
 * cédula matches are linked automatically (dated when the list was loaded),
 * misspelt and partial names wait in the matching queue, a few names of
 * nobody were marked "announced, not seen" by a moderator, the rest wait.
 * Pure and deterministic: load.ts writes it.
 */
import { uuidV7 } from "../db/uuid.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { decideLine, type LineDecision } from "../names/decide.ts";
import { keyLines } from "../names/parse.ts";
import { MAX_QUERY_WORDS, prepareCandidate, QueryMatcher, rankCandidates } from "../search/match.ts";
import { foldText, parseCedula } from "../search/normalize.ts";
import { requiredWords } from "../search/retrieval-keys.ts";
import type { DemoUserKey } from "./fixtures.ts";
import type { PersonPlan } from "./people.ts";
import { mulberry32, pick, shuffle, type Rng } from "./prng.ts";
import type { ReleasePlan } from "./story.ts";

export const DEMO_NAME_LIST_ANNOUNCEMENT = "an-2026-01-13";
export const DEMO_NAME_LIST_LOADED_AT = new Date("2026-01-16T14:30:00.000Z");
/** When a moderator marked the names of nobody "announced, not seen". */
const REJECTED_AT = new Date("2026-01-19T15:10:00.000Z");
const SEED = 20260116;

export interface NameListLinePlan {
  position: number;
  nameAsPrinted: string;
  identifierAsPrinted: string | null;
  lineKey: string;
  normalizedName: string;
  /** The decision, person ids being indices of the demo's people (as strings). */
  decision: LineDecision;
  /** A moderator's decision, for names of nobody marked "announced, not seen". */
  rejected: { at: Date; by: DemoUserKey } | null;
}

export interface NameListPlan {
  announcementKey: string;
  loadedAt: Date;
  loadedBy: DemoUserKey;
  fileName: string;
  lines: NameListLinePlan[];
}

// Made-up names of nobody on record, from common words: no real private person is meant.
const NOBODY_GIVEN = ["Wilfredo", "Yusleidy", "Arnaldo", "Mireya", "Cruz Alberto", "Yenifer", "Dionisio", "Maritza"];
const NOBODY_SURNAMES = ["Sifontes", "Arocha", "Tovar", "Mata", "Gamboa", "Lárez", "Villalobos", "Perdomo", "Noguera", "Rengifo", "Brito", "Lugo"];

const upper = (text: string) => text.toLocaleUpperCase("es");
const printedOf = (person: { givenNames: string; surnames: string }) => upper(`${person.surnames} ${person.givenNames}`);

/** "V-12.345.678" or "12345678", as lists print cédulas. */
function printedCedula(cedula: string, rng: Rng): string {
  const parsed = parseCedula(cedula)!;
  const digits = parsed.digits;
  const dotted = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return rng() < 0.5 ? `${parsed.prefix ?? "V"}-${dotted}` : digits;
}

/** One vowel in the middle of a word changed: what a typist does. */
function misspell(word: string, rng: Rng): string {
  const letters = [...word];
  const vowels = letters.map((letter, index) => (/[AEIOUÁÉÍÓÚ]/.test(letter) && index > 0 && index < letters.length - 1 ? index : -1)).filter((i) => i >= 0);
  if (vowels.length === 0) return `${word}S`;
  const at = pick(rng, vowels);
  const plain = foldText(letters[at]!).toUpperCase();
  letters[at] = pick(rng, ["A", "E", "I", "O", "U"].filter((vowel) => vowel !== plain));
  return letters.join("");
}

export function planDemoNameList(people: readonly PersonPlan[], releases: readonly ReleasePlan[]): NameListPlan {
  const rng = mulberry32(SEED);
  const prepared = people.map((person) =>
    prepareCandidate({ id: String(person.index), givenNames: person.givenNames, surnames: person.surnames, otherSpellings: [], cedulaDigits: person.cedula ? parseCedula(person.cedula)!.digits : null }),
  );
  const decide = (name: string, identifier: string | null): LineDecision => {
    const digits = identifier ? (parseCedula(identifier)?.digits ?? null) : null;
    const matcher = new QueryMatcher(name);
    const withCedula = digits ? prepared.filter((candidate) => candidate.person.cedulaDigits === digits) : [];
    return decideLine({
      printedCedulaDigits: digits,
      nameWords: requiredWords(name, MAX_QUERY_WORDS).length,
      byCedula: withCedula.map((candidate) => ({ personId: candidate.person.id, ...matcher.match(candidate) })),
      byName: rankCandidates(name, prepared, 6).map((entry) => ({
        personId: entry.person.id,
        match: entry.match,
        score: entry.score,
        cedulaDigits: entry.person.cedulaDigits,
      })),
      truncated: false,
    });
  };

  // People released since December (the announcement's coverage), the first person aside (the API's example).
  const released = [...new Set(releases.filter((release) => release.status !== "rejected" && release.status !== "retracted" && (release.releasedOn ?? "") >= "2025-12-01").map((release) => release.personIndex))]
    .filter((index) => index !== 0)
    .map((index) => people[index]!);
  const pool = shuffle(rng, released);
  const lines: { name: string; identifier: string | null; decision: LineDecision; rejected: NameListLinePlan["rejected"] }[] = [];
  const take = (want: number, make: (person: PersonPlan) => { name: string; identifier: string | null } | null, keep: (decision: LineDecision) => boolean) => {
    let added = 0;
    while (added < want && pool.length > 0) {
      const person = pool.shift()!;
      const line = make(person);
      if (!line) continue;
      const decision = decide(line.name, line.identifier);
      if (!keep(decision)) continue;
      lines.push({ ...line, decision, rejected: null });
      added++;
    }
  };
  const automatic = (decision: LineDecision) => decision.linkMethod === "automatic";
  const queued = (decision: LineDecision) => decision.linkMethod === "pending" && decision.candidates.length > 0;

  // Printed whole: linked on their own, a third of them with the cédula.
  take(16, (person) => ({ name: printedOf(person), identifier: null }), automatic);
  take(8, (person) => (person.cedula ? { name: printedOf(person), identifier: printedCedula(person.cedula, rng) } : null), automatic);
  // Misspelt: one vowel of the first surname; they wait for a moderator.
  take(
    6,
    (person) => {
      const [first, ...rest] = upper(person.surnames).split(" ");
      return { name: [misspell(first!, rng), ...rest, upper(person.givenNames)].join(" "), identifier: null };
    },
    queued,
  );
  // One surname and one given name: several people fit, a moderator decides.
  take(4, (person) => ({ name: upper(`${person.surnames.split(" ")[0]} ${person.givenNames.split(" ")[0]}`), identifier: null }), queued);

  // Nobody on record: half marked "announced, not seen", half still waiting.
  const nobodyRng = shuffle(rng, NOBODY_SURNAMES);
  for (let i = 0; i < 8; i++) {
    const name = upper(`${nobodyRng[i]!} ${nobodyRng[(i + 5) % nobodyRng.length]!} ${NOBODY_GIVEN[i]!}`);
    const decision = decide(name, null);
    if (decision.linkMethod !== "pending") continue;
    lines.push({ name, identifier: null, decision, rejected: i % 2 === 0 ? { at: REJECTED_AT, by: "moderadora" } : null });
  }

  // Official lists go in alphabetical order of surname.
  lines.sort((a, b) => a.name.localeCompare(b.name, "es"));
  const keyed = keyLines(lines.map((line, index) => ({ row: index + 2, nameAsPrinted: line.name, identifierAsPrinted: line.identifier })));
  return {
    announcementKey: DEMO_NAME_LIST_ANNOUNCEMENT,
    loadedAt: DEMO_NAME_LIST_LOADED_AT,
    loadedBy: "moderador",
    fileName: "lista-asamblea-2026-01-16.csv",
    lines: lines.map((line, index) => ({
      position: index + 1,
      nameAsPrinted: line.name,
      identifierAsPrinted: line.identifier,
      lineKey: keyed[index]!.lineKey,
      normalizedName: keyed[index]!.normalizedName,
      decision: line.decision,
      rejected: line.rejected,
    })),
  };
}

export interface NameListRows {
  imports: Prisma.ImportCreateManyInput[];
  announcedNames: Prisma.AnnouncedNameCreateManyInput[];
}

/** The rows of the list: one finished import and its lines, ids from their own seeded generator. */
export function nameListRows(
  plan: NameListPlan,
  ids: { announcementId: string; organizationId: string; userId: (key: DemoUserKey) => string; personId: (index: number) => string },
): NameListRows {
  const rng = mulberry32(SEED + 1);
  const importId = uuidV7(plan.loadedAt, rng);
  const person = (index: string | null) => (index === null ? null : ids.personId(Number(index)));
  const queued = plan.lines.filter((line) => line.decision.linkMethod === "pending").length;
  const finishedAt = new Date(plan.loadedAt.getTime() + 40_000);
  return {
    imports: [
      {
        id: importId,
        kind: "announcement_names",
        organizationId: ids.organizationId,
        createdById: ids.userId(plan.loadedBy),
        announcementId: ids.announcementId,
        status: "done",
        fileName: plan.fileName,
        mapping: { type: "csv", positionBase: 0 },
        total: plan.lines.length,
        processed: plan.lines.length,
        created: plan.lines.length,
        possibleDuplicates: queued,
        startedAt: plan.loadedAt,
        finishedAt,
        createdAt: plan.loadedAt,
      },
    ],
    announcedNames: plan.lines.map((line) => ({
      id: uuidV7(plan.loadedAt, rng),
      announcementId: ids.announcementId,
      position: line.position,
      nameAsPrinted: line.nameAsPrinted,
      identifierAsPrinted: line.identifierAsPrinted,
      normalizedName: line.normalizedName,
      lineKey: line.lineKey,
      personId: person(line.decision.personId),
      linkMethod: line.rejected ? "rejected" : line.decision.linkMethod,
      matchKind: line.decision.matchKind,
      matchScore: line.decision.matchScore,
      suggestedPersonId: person(line.decision.suggestedPersonId),
      candidates:
        line.decision.linkMethod === "pending"
          ? (line.decision.candidates.map((candidate) => ({ ...candidate, personId: person(candidate.personId)! })) as unknown as Prisma.InputJsonValue)
          : undefined,
      decidedById: line.rejected ? ids.userId(line.rejected.by) : null,
      decidedAt: line.rejected?.at ?? null,
      importId,
      createdAt: plan.loadedAt,
    })),
  };
}
