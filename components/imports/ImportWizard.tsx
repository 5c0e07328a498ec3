"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/api/action.ts";
import { previewImportAction, startImportAction } from "@/lib/imports/actions.ts";
import type { ColumnMapping } from "@/lib/imports/columns.ts";
import { MAX_ROWS } from "@/lib/imports/limits.ts";
import type { ImportPreview } from "@/lib/imports/schema.ts";
import { MappingEditor, mappingIsUsable } from "./MappingEditor.tsx";
import { refusalOf, type RefusalKey } from "./refusal.ts";
import styles from "./Imports.module.css";

/**
 * Loading a spreadsheet, step by step: choose the file (and its sheet), map
 * its headers to columns, then a dry run — which opens the import's own page
 * (/importar/{id}), where the result is read and the real run started.
 * The file stays chosen through every step: on a bad connection, a failed
 * step is simply tried again.
 */
export function ImportWizard({ limitMb }: { limitMb: number }) {
  const t = useTranslations("imports");
  const router = useRouter();
  const ids = { file: useId(), fileHint: useId(), sheet: useId(), mapping: useId(), problem: useId() };
  const fileRef = useRef<HTMLInputElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [problem, setProblem] = useState<RefusalKey | null>(null);
  const [busy, setBusy] = useState<"reading" | "starting" | null>(null);
  /** The sheets of a workbook whose chosen sheet was refused: another may be chosen. */
  const [otherSheets, setOtherSheets] = useState<{ sheets: string[]; sheet: string } | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  const run = async <T,>(step: "reading" | "starting", form: FormData, call: (form: FormData) => Promise<ActionResult<T>>): Promise<T | null> => {
    setBusy(step);
    setProblem(null);
    try {
      const result = await call(form);
      if (result.ok) return result.data;
      setProblem(refusalOf(result));
      const sheets = result.error.details?.sheets;
      if (step === "reading" && Array.isArray(sheets) && sheets.length > 1) {
        setOtherSheets({ sheets: sheets as string[], sheet: typeof form.get("sheet") === "string" ? (form.get("sheet") as string) : (sheets[0] as string) });
      }
      return null;
    } catch (error) {
      setProblem(refusalOf(null, error));
      return null;
    } finally {
      setBusy(null);
    }
  };

  const read = async (sheet?: string) => {
    const file = fileRef.current?.files?.[0];
    if (!file) return setProblem("empty");
    const form = new FormData();
    form.set("file", file);
    if (sheet) form.set("sheet", sheet);
    const found = await run("reading", form, previewImportAction);
    if (found) {
      setOtherSheets(null);
      setPreview(found);
      setMapping(found.mapping);
    }
  };

  const start = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file || !preview) return;
    const form = new FormData();
    form.set("file", file);
    if (preview.sheet) form.set("sheet", preview.sheet);
    form.set("mapping", JSON.stringify(mapping));
    form.set("dryRun", "true");
    const started = await run("starting", form, startImportAction);
    if (started) router.push(`/importar/${started.importId}`);
  };

  const reset = () => {
    setPreview(null);
    setOtherSheets(null);
    setProblem(null);
    if (fileRef.current) fileRef.current.value = "";
  };

  return (
    <div className={styles.steps} data-testid="import-wizard" data-ready={ready ? "true" : "false"}>
      <form
        className="card stack"
        onSubmit={(event) => {
          event.preventDefault();
          void read();
        }}
        noValidate
      >
        <div className="field">
          <label htmlFor={ids.file}>{t("wizard.fileLabel")}</label>
          <p id={ids.fileHint} className="hint">
            {t("wizard.fileHint", { limitMb })}
          </p>
          <input
            ref={fileRef}
            id={ids.file}
            name="file"
            type="file"
            className="input"
            accept=".csv,.txt,.tsv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={problem ? `${ids.fileHint} ${ids.problem}` : ids.fileHint}
            onChange={() => {
              setPreview(null);
              setOtherSheets(null);
            }}
            data-testid="import-file"
          />
        </div>
        {preview ? (
          <p data-testid="import-file-summary">{t("wizard.fileSummary", { format: preview.format.toUpperCase(), rows: preview.rows })}</p>
        ) : (
          <div className={styles.actions}>
            <button type="submit" className="button" disabled={busy !== null} data-testid="import-read">
              {busy === "reading" ? t("wizard.reading") : t("wizard.read")}
            </button>
          </div>
        )}
        {/* A workbook: its sheets, to read another (also when the chosen one was refused). */}
        {preview && preview.sheets.length > 1 ? (
          <SheetSelect id={ids.sheet} sheets={preview.sheets} sheet={preview.sheet ?? ""} disabled={busy !== null} onChoose={(sheet) => void read(sheet)} />
        ) : !preview && otherSheets ? (
          <SheetSelect id={ids.sheet} sheets={otherSheets.sheets} sheet={otherSheets.sheet} disabled={busy !== null} onChoose={(sheet) => void read(sheet)} />
        ) : null}
        {problem ? (
          <div ref={problemRef} id={ids.problem} tabIndex={-1} role="alert" className="error-message" data-testid="import-problem">
            {t(`refusal.${problem}`, { limit: MAX_ROWS, limitMb })}
          </div>
        ) : null}
      </form>

      {preview ? (
        <form className="card stack" onSubmit={start} aria-labelledby={ids.mapping} noValidate>
          <h2 id={ids.mapping}>{t("wizard.mappingTitle")}</h2>
          <p className="hint">{t("wizard.mappingIntro")}</p>
          {preview.remembered ? <p className="notice">{t("wizard.remembered")}</p> : null}
          <MappingEditor headers={preview.headers} mapping={mapping} sample={preview.sample} onChange={setMapping} />
          <div className={styles.actions}>
            <button
              type="submit"
              className="button"
              disabled={busy !== null || !mappingIsUsable(preview.headers, mapping)}
              data-testid="import-dry-run"
            >
              {busy === "starting" ? t("wizard.starting") : t("wizard.dryRun")}
            </button>
            <button type="button" className="button button-secondary" onClick={reset}>
              {t("wizard.otherFile")}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

function SheetSelect({ id, sheets, sheet, disabled, onChoose }: { id: string; sheets: string[]; sheet: string; disabled: boolean; onChoose: (sheet: string) => void }) {
  const t = useTranslations("imports");
  return (
    <div className="field">
      <label htmlFor={id}>{t("wizard.sheetLabel")}</label>
      <select id={id} className="input" value={sheet} onChange={(event) => onChoose(event.target.value)} disabled={disabled} data-testid="import-sheet">
        {sheets.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
