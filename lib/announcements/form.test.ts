import { describe, expect, it } from "vitest";
import { toFieldIssues } from "../api/guard.ts";
import {
  breakdownOf,
  claimInputFromForm,
  claimRuleIssues,
  claimValuesFromForm,
  claimValuesFromView,
  CONFIRM_PROBLEM,
  countOf,
  dayOf,
  deleteInputFromForm,
  EMPTY_CLAIM_VALUES,
  errorKeyOf,
  fieldOfIssue,
  fieldProblems,
  FILE_PROBLEMS,
  refusedState,
  statusInputFromForm,
  statusRefusalKey,
  type ClaimFormValues,
} from "./form.ts";
import {
  changeAnnouncementStatusSchema,
  createAnnouncementSchema,
  deleteAnnouncementSchema,
  updateAnnouncementSchema,
  type AnnouncementView,
} from "./schema.ts";

/** A form as the browser sends it: empty fields left out (as lib/api/action.ts formDataToObject does). */
function posted(values: Partial<ClaimFormValues> & Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries({ ...EMPTY_CLAIM_VALUES, ...values }).filter(([, value]) => value.trim() !== ""));
}

const RANGE_IN_A_WINDOW = {
  claimant: "  Foro Penal ",
  claimantKind: "ngo",
  statedOn: "2026-01-14",
  measure: "released",
  qualifier: "range",
  value: "999", // typed before switching to "range": hidden, dropped
  min: "60",
  max: "1.070",
  basis: "window",
  from: "2026-01-08",
  to: "2026-01-13",
  date: "2026-01-10", // hidden for a window: dropped
  scopeKind: "all",
};

describe("claimInputFromForm", () => {
  it("keeps what the chosen qualifier and basis need, and drops what was typed in hidden fields", () => {
    expect(claimInputFromForm(posted(RANGE_IN_A_WINDOW))).toEqual({
      claimant: "Foro Penal",
      claimantKind: "ngo",
      statedOn: "2026-01-14",
      statedOnApproximate: false,
      measure: "released",
      claimed: { qualifier: "range", min: 60, max: 1070 },
      breakdown: null,
      covers: { basis: "window", from: "2026-01-08", to: "2026-01-13" },
      scope: "all",
    });
  });

  it("reads each basis with its own dates", () => {
    const dates = { from: "2026-01-01", to: "2026-01-05", date: "2026-01-03" };
    const covers = (basis: string) => (claimInputFromForm(posted({ ...RANGE_IN_A_WINDOW, ...dates, basis })).covers as object);
    expect(covers("cumulative_since")).toEqual({ basis: "cumulative_since", from: "2026-01-01" });
    expect(covers("single_day")).toEqual({ basis: "single_day", date: "2026-01-03" });
    expect(covers("as_of")).toEqual({ basis: "as_of", date: "2026-01-03" });
    expect(covers("unspecified")).toEqual({ basis: "unspecified" });
  });

  it("reads a count for every qualifier but range, and a nationality with its country", () => {
    const input = claimInputFromForm(
      posted({ ...RANGE_IN_A_WINDOW, qualifier: "at_least", value: "400", min: "1", max: "2", scopeKind: "nationality", scopeCountry: "co" }),
    );
    expect(input.claimed).toEqual({ qualifier: "at_least", value: 400 });
    expect(input.scope).toBe("nationality:co");
    expect(createAnnouncementSchema.parse(input).scope).toBe("nationality:CO");
  });

  it("reads the optional parts: approximate date, breakdown, source, quote with its language, note, archive link", () => {
    const input = claimInputFromForm(
      posted({
        ...RANGE_IN_A_WINDOW,
        statedOnApproximate: "on",
        breakdown: "nationals: 66\nforeigners = 14\n",
        sourceUrl: "https://example.org/nota",
        sourceDescription: "Rueda de prensa",
        quote: "«Hemos excarcelado a más de 400»",
        quoteLang: "es",
        note: "Cifra redondeada",
        archivedUrl: "https://web.archive.org/web/2026/https://example.org/nota",
      }),
    );
    expect(input).toMatchObject({
      statedOnApproximate: true,
      breakdown: { nationals: 66, foreigners: 14 },
      sourceUrl: "https://example.org/nota",
      sourceDescription: "Rueda de prensa",
      quote: "«Hemos excarcelado a más de 400»",
      quoteLang: "es",
      note: "Cifra redondeada",
      archivedUrl: "https://web.archive.org/web/2026/https://example.org/nota",
    });
    expect(createAnnouncementSchema.safeParse(input).success).toBe(true);
  });

  it("sends no quote language without a quote", () => {
    expect(claimInputFromForm(posted({ ...RANGE_IN_A_WINDOW, quoteLang: "en" }))).not.toHaveProperty("quoteLang");
  });

  it("adds the version and the reason of an edit", () => {
    const input = claimInputFromForm(posted({ ...RANGE_IN_A_WINDOW, version: "3", reason: "La fuente corrigió la cifra" }), { edit: true });
    expect(input).toMatchObject({ version: "3", reason: "La fuente corrigió la cifra" });
    expect(updateAnnouncementSchema.parse(input)).toMatchObject({ version: 3, reason: "La fuente corrigió la cifra" });
    expect(claimInputFromForm(posted({ ...RANGE_IN_A_WINDOW, version: "3" }))).not.toHaveProperty("version");
  });

  it("leaves the deciding to the schema: an empty form is refused field by field", () => {
    const result = createAnnouncementSchema.safeParse(claimInputFromForm({}));
    expect(result.success).toBe(false);
    const fields = Object.keys(fieldProblems(Object.fromEntries(toFieldIssues(result.error!).map((i) => [i.path, i.message])))).sort();
    expect(fields).toEqual(["basis", "claimant", "claimantKind", "measure", "qualifier", "statedOn"].sort());
  });
});

describe("typed values", () => {
  it("counts as people type them", () => {
    expect(countOf("400")).toBe(400);
    expect(countOf(" 1.234 ")).toBe(1234);
    expect(countOf("1,234,567")).toBe(1234567);
    expect(countOf("12 345")).toBe(12345);
    expect(countOf("-3")).toBe(-3);
    expect(countOf("1.5")).toBe("1.5");
    expect(countOf("cuatrocientos")).toBe("cuatrocientos");
    expect(countOf(undefined)).toBeUndefined();
  });

  it("days from the picker, or typed day first", () => {
    expect(dayOf("2026-01-12")).toBe("2026-01-12");
    expect(dayOf("12/01/2026")).toBe("2026-01-12");
    expect(dayOf("3.1.2026")).toBe("2026-01-03");
    expect(dayOf("ayer")).toBe("ayer");
  });

  it("a breakdown one sub-count a line; anything else is passed on to be refused", () => {
    expect(breakdownOf("nationals: 66\r\n\r\nforeigners: 14")).toEqual({ nationals: 66, foreigners: 14 });
    expect(breakdownOf(undefined)).toBeNull();
    expect(breakdownOf("66 nacionales")).toBe("66 nacionales");
    const refused = createAnnouncementSchema.safeParse(claimInputFromForm(posted({ ...RANGE_IN_A_WINDOW, breakdown: "66 nacionales" })));
    expect(refused.error?.issues.map((issue) => issue.path.join("."))).toEqual(["breakdown"]);
    expect(errorKeyOf(refused.error!.issues[0]!.message).key).toBe("breakdown");
  });

  it("what was typed comes back as typed, files left out", () => {
    const form = new FormData();
    for (const [key, value] of Object.entries(RANGE_IN_A_WINDOW)) form.set(key, value);
    form.set("archivedFile", new Blob(["%PDF"]), "copia.pdf");
    const values = claimValuesFromForm(form.entries());
    expect(values).toMatchObject({ ...RANGE_IN_A_WINDOW, statedOnApproximate: "", note: "" });
    expect(values).not.toHaveProperty("archivedFile");
  });
});

const VIEW: AnnouncementView = {
  id: "0199aa6e-0000-7000-8000-000000000001",
  claimant: "Observatorio Venezolano de Prisiones",
  claimantKind: "ngo",
  statedOn: "2026-01-14",
  statedOnApproximate: true,
  measure: "released",
  claimed: { qualifier: "about", value: 80, min: null, max: null },
  breakdown: { nationals: 66, foreigners: 14 },
  covers: { basis: "cumulative_since", from: "2026-01-08", to: null, date: null },
  scope: "nationality:ES",
  sourceUrl: "https://example.org/ovp",
  sourceDescription: null,
  quote: "Confirmamos 80",
  quoteLang: "es",
  note: null,
  archived: { url: "https://web.archive.org/web/1/https://example.org/ovp", file: null },
  status: "active",
  supersededById: null,
  version: 4,
  createdAt: "2026-01-14T12:00:00.000Z",
  updatedAt: "2026-01-14T12:00:00.000Z",
};

describe("claimValuesFromView", () => {
  it("fills the form so that saving it unchanged sends the same claim", () => {
    const values = claimValuesFromView(VIEW);
    expect(values).toMatchObject({ scopeKind: "nationality", scopeCountry: "ES", value: "80", statedOnApproximate: "on", breakdown: "nationals: 66\nforeigners: 14" });
    const input = updateAnnouncementSchema.parse(claimInputFromForm(posted({ ...values, version: "4" }), { edit: true }));
    expect(input).toEqual({
      claimant: VIEW.claimant,
      claimantKind: "ngo",
      statedOn: "2026-01-14",
      statedOnApproximate: true,
      measure: "released",
      claimed: { qualifier: "about", value: 80 },
      breakdown: { nationals: 66, foreigners: 14 },
      covers: { basis: "cumulative_since", from: "2026-01-08" },
      scope: "nationality:ES",
      sourceUrl: "https://example.org/ovp",
      quote: "Confirmamos 80",
      quoteLang: "es",
      archivedUrl: "https://web.archive.org/web/1/https://example.org/ovp",
      version: 4,
    });
  });
});

describe("status and delete forms", () => {
  it("sends the later announcement only when superseded", () => {
    const later = "0199aa6e-0000-7000-8000-000000000002";
    expect(statusInputFromForm({ status: "disputed", supersededById: later, reason: " Cifra desmentida ", version: "2" })).toEqual({
      status: "disputed",
      reason: "Cifra desmentida",
      version: "2",
    });
    expect(changeAnnouncementStatusSchema.parse(statusInputFromForm({ status: "superseded", supersededById: later, reason: "Nueva cifra", version: "2" }))).toEqual({
      status: "superseded",
      supersededById: later,
      reason: "Nueva cifra",
      version: 2,
    });
    expect(deleteAnnouncementSchema.parse(deleteInputFromForm({ reason: "Duplicado", version: "5" }))).toEqual({ reason: "Duplicado", version: 5 });
  });
});

describe("issues → fields", () => {
  it("names the field of each path, with or without the action's wrapper", () => {
    expect(fieldOfIssue("claimed.max")).toBe("max");
    expect(fieldOfIssue("input.claimed.min")).toBe("min");
    expect(fieldOfIssue("input.claimed.value")).toBe("value");
    expect(fieldOfIssue("claimed.qualifier")).toBe("qualifier");
    expect(fieldOfIssue("covers.to")).toBe("to");
    expect(fieldOfIssue("input.covers.from")).toBe("from");
    expect(fieldOfIssue("covers.date")).toBe("date");
    expect(fieldOfIssue("covers.basis")).toBe("basis");
    expect(fieldOfIssue("covers")).toBe("basis");
    expect(fieldOfIssue("scope", { scopeKind: "nationality" })).toBe("scopeCountry");
    expect(fieldOfIssue("scope")).toBe("scopeKind");
    expect(fieldOfIssue("breakdown.nationals")).toBe("breakdown");
    expect(fieldOfIssue("input.reason")).toBe("reason");
    expect(fieldOfIssue("archivedFile")).toBe("archivedFile");
    expect(fieldOfIssue("input.version")).toBeNull();
    expect(fieldOfIssue("")).toBeNull();
  });

  it("says a window with no last day on the last day's field", () => {
    const problems = fieldProblems({ "input.covers.from": "A window needs its first and last day (from and to)." }, { from: "2026-01-08", to: "" });
    expect(problems).toEqual({ to: { key: "windowNeedsBoth" } });
    expect(fieldProblems({ "covers.from": "A window needs its first and last day (from and to)." }, {})).toEqual({ from: { key: "windowNeedsBoth" } });
  });

  it("the window ending before it starts and min above max, as the moderator's example", () => {
    const result = createAnnouncementSchema.safeParse(
      claimInputFromForm(posted({ ...RANGE_IN_A_WINDOW, min: "80", max: "60", from: "2026-01-13", to: "2026-01-08" })),
    );
    const issues = Object.fromEntries(toFieldIssues(result.error!).map((issue) => [`input.${issue.path}`, issue.message]));
    expect(fieldProblems(issues)).toEqual({ max: { key: "rangeMaxBelowMin" }, to: { key: "windowEndsBeforeStart" } });
  });
});

describe("claimRuleIssues", () => {
  it("says the rules between fields even when other fields are wrong too (the schema waits for those first)", () => {
    const form = posted({ ...RANGE_IN_A_WINDOW, claimant: "", claimantKind: "", min: "80", max: "60", from: "2026-01-13", to: "2026-01-08" });
    const refused = createAnnouncementSchema.safeParse(claimInputFromForm(form));
    expect(refused.error!.issues.map((issue) => issue.path.join("."))).toEqual(["claimant", "claimantKind"]);
    expect(claimRuleIssues(form)).toEqual({
      "input.claimed.max": "In a range, the largest count (max) cannot be below the smallest (min).",
      "input.covers.to": "The window ends before it starts.",
    });
  });

  it("leaves a wrong count or date to its own message", () => {
    expect(claimRuleIssues(posted({ ...RANGE_IN_A_WINDOW, min: "ochenta", max: "60" }))).toEqual({});
    expect(claimRuleIssues(posted({ ...RANGE_IN_A_WINDOW, from: "2026-02-31" }))).toEqual({});
    // Without a good statement date, only the rules that do not need it.
    expect(claimRuleIssues(posted({ ...RANGE_IN_A_WINDOW, statedOn: "", qualifier: "exact", value: "" }))).toEqual({
      "input.claimed.value": "Give the count claimed (value).",
    });
  });

  it("is empty for a good claim", () => {
    expect(claimRuleIssues(posted(RANGE_IN_A_WINDOW))).toEqual({});
  });
});

describe("every message the schemas can give has words", () => {
  const FUTURE = "2999-01-01";
  const good = posted(RANGE_IN_A_WINDOW);
  const claimCases: Record<string, string>[] = [
    {},
    { ...good, claimant: "x".repeat(301) },
    { ...good, claimant: "A" },
    { ...good, claimantKind: "alien" },
    { ...good, statedOn: "2026-02-31" },
    { ...good, statedOn: "1989-12-31" },
    { ...good, statedOn: FUTURE },
    { ...good, statedOn: "ayer" },
    { ...good, measure: "freed" },
    { ...good, qualifier: "lots" },
    { ...good, qualifier: "exact" },
    { ...good, qualifier: "exact", value: "1.5" },
    { ...good, qualifier: "exact", value: "-4" },
    { ...good, qualifier: "exact", value: "60000000" },
    { ...good, min: "" },
    { ...good, min: "90" },
    { ...good, basis: "forever" },
    { ...good, to: "" },
    { ...good, from: "", to: "" },
    { ...good, to: "2026-01-01" },
    { ...good, basis: "cumulative_since", from: "" },
    { ...good, basis: "single_day", date: "" },
    { ...good, basis: "as_of", date: "2026-01-20" },
    { ...good, scopeKind: "nationality", scopeCountry: "" },
    { ...good, scopeKind: "nationality", scopeCountry: "Colombia" },
    { ...good, scopeKind: "planet" },
    { ...good, breakdown: "muchos" },
    { ...good, breakdown: "nationals: -1" },
    { ...good, sourceUrl: "www.example.org" },
    { ...good, sourceUrl: `https://example.org/${"a".repeat(2001)}` },
    { ...good, sourceDescription: "x".repeat(1001) },
    { ...good, quote: "Hola", quoteLang: "español" },
    { ...good, note: "x".repeat(5001) },
    { ...good, archivedUrl: "ftp://example.org/copia" },
  ];
  // Shapes only a script can send (the form never does): still given words rather than "other".
  const apiCases: unknown[] = [
    { ...claimInputFromForm(good), claimed: { qualifier: "exact", value: 3, min: 1 } },
    { ...claimInputFromForm(good), claimed: { qualifier: "range", value: 3, min: 1, max: 4 } },
    { ...claimInputFromForm(good), covers: { basis: "unspecified", date: "2026-01-01" } },
  ];

  function messagesOf(schema: { safeParse: (input: unknown) => { error?: import("zod").ZodError } }, input: unknown) {
    const result = schema.safeParse(input);
    return result.error ? toFieldIssues(result.error) : [];
  }

  it("claims (create and edit)", () => {
    const issues = [
      ...claimCases.flatMap((form) => messagesOf(createAnnouncementSchema, claimInputFromForm(form))),
      ...claimCases.flatMap((form) => messagesOf(updateAnnouncementSchema, claimInputFromForm({ ...form, version: "1", reason: "x".repeat(2001) }, { edit: true }))),
      ...apiCases.flatMap((input) => messagesOf(createAnnouncementSchema, input)),
    ];
    expect(issues.length).toBeGreaterThan(40);
    const unnamed = issues.filter((issue) => fieldOfIssue(issue.path) === null || errorKeyOf(issue.message).key === "other");
    expect(unnamed).toEqual([]);
  });

  it("status changes and deletions", () => {
    const issues = [
      ...messagesOf(changeAnnouncementStatusSchema, statusInputFromForm({ version: "1" })),
      ...messagesOf(changeAnnouncementStatusSchema, statusInputFromForm({ status: "superseded", reason: "x", version: "1" })),
      ...messagesOf(changeAnnouncementStatusSchema, statusInputFromForm({ status: "superseded", supersededById: "no", reason: "x", version: "1" })),
      ...messagesOf(changeAnnouncementStatusSchema, { status: "disputed", supersededById: VIEW.id, reason: "x", version: 1 }),
      ...messagesOf(deleteAnnouncementSchema, deleteInputFromForm({ version: "1" })),
    ];
    expect(issues.map((issue) => [fieldOfIssue(issue.path), errorKeyOf(issue.message).key])).toEqual([
      ["status", "choose"],
      ["reason", "reasonRequired"],
      ["supersededById", "supersededByRequired"],
      ["supersededById", "supersededByInvalid"],
      ["supersededById", "supersededByInvalid"],
      ["reason", "reasonRequired"],
    ]);
  });

  it("the actions' own markers", () => {
    expect(errorKeyOf(FILE_PROBLEMS.type).key).toBe("fileType");
    expect(errorKeyOf(FILE_PROBLEMS.tooLarge).key).toBe("fileTooLarge");
    expect(errorKeyOf(FILE_PROBLEMS.damaged).key).toBe("fileDamaged");
    expect(errorKeyOf(CONFIRM_PROBLEM).key).toBe("confirmDelete");
    expect(errorKeyOf("At most 2,000 characters.")).toEqual({ key: "tooLong", values: { max: 2000 } });
    expect(errorKeyOf("Something nobody wrote.").key).toBe("other");
  });

  it("the status changes refused as impossible (422) have their sentence", () => {
    expect(statusRefusalKey("An announcement can only be superseded by one made on the same day or later.")).toBe("supersededEarlier");
    expect(statusRefusalKey("The announcement named as superseding it does not exist.")).toBe("supersededMissing");
    expect(statusRefusalKey("Those two announcements would supersede each other.")).toBe("supersededMutual");
    expect(statusRefusalKey("An announcement cannot supersede itself.")).toBe("supersededSelf");
    expect(statusRefusalKey("Something else.")).toBeNull();
  });
});

describe("refusedState", () => {
  it("counts answers, keeps what was typed, and says each field's problem", () => {
    const values = { ...EMPTY_CLAIM_VALUES, scopeKind: "nationality" };
    const state = refusedState(
      { answer: 2, values: null, fields: {}, problem: null, refusal: null },
      { code: "invalid_input", message: "Invalid form", fields: { "input.scope": "Scope must be all, nationals, foreigners or nationality:XX" } },
      values,
    );
    expect(state).toEqual({ answer: 3, values, fields: { scopeCountry: { key: "scopeCountry" } }, problem: "invalid_input", refusal: null });
    expect(refusedState(undefined, { code: "unprocessable", message: "Those two announcements would supersede each other.", fields: {} }, null)).toMatchObject({
      answer: 1,
      refusal: "supersededMutual",
    });
  });
});
