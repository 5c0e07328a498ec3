"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { IMPORT_COLUMNS, mappingProblems, type ColumnMapping, type ImportColumn } from "@/lib/imports/columns.ts";
import styles from "./Imports.module.css";

/**
 * One select per header of the file: which column of API.md it holds, or
 * none. Problems (a required column unmapped, a column mapped twice) are
 * said as the moderator chooses, before anything is sent.
 */
export function MappingEditor({
  headers,
  mapping,
  sample,
  onChange,
}: {
  headers: string[];
  mapping: ColumnMapping;
  sample?: string[][];
  onChange: (mapping: ColumnMapping) => void;
}) {
  const t = useTranslations("imports");
  const id = useId();
  const problems = mappingProblems(headers, mapping);
  const label = (column: ImportColumn) => t(`columns.${column}`);
  return (
    <div className="stack">
      <ul className={styles.mapping} data-testid="import-mapping">
        {headers.map((header, index) => {
          const values = (sample ?? []).map((row) => row[index] ?? "").filter(Boolean);
          const selectId = `${id}-${index}`;
          return (
            <li key={header} className={styles.mappingRow}>
              <div>
                <label htmlFor={selectId} className={styles.header}>
                  {header}
                </label>
                {values.length > 0 ? <p className={styles.sample}>{t("wizard.sampleLabel", { values: values.join(" · ") })}</p> : null}
              </div>
              <select
                id={selectId}
                className="input"
                value={mapping[header] ?? ""}
                data-testid={`import-map-${index}`}
                onChange={(event) => onChange({ ...mapping, [header]: (event.target.value || null) as ImportColumn | null })}
              >
                <option value="">{t("wizard.ignore")}</option>
                {IMPORT_COLUMNS.map((column) => (
                  <option key={column} value={column}>
                    {label(column)}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
      {problems.missing.length > 0 || problems.repeated.length > 0 ? (
        <div role="status" className="error-message" data-testid="import-mapping-problems">
          {problems.missing.length > 0 ? <p>{t("wizard.missing", { columns: problems.missing.map(label).join(", ") })}</p> : null}
          {problems.repeated.length > 0 ? <p>{t("wizard.repeated", { columns: problems.repeated.map(label).join(", ") })}</p> : null}
        </div>
      ) : null}
    </div>
  );
}

export function mappingIsUsable(headers: string[], mapping: ColumnMapping): boolean {
  const problems = mappingProblems(headers, mapping);
  return problems.missing.length === 0 && problems.repeated.length === 0;
}
