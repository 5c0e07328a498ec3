import Link from "next/link";
import type { ReactNode } from "react";
import type { Reference } from "@/lib/api/openapi/reference.ts";
import { InlineText } from "./InlineText.tsx";
import type { ApiDocsT } from "./labels.ts";
import { OperationCard } from "./OperationCard.tsx";
import styles from "./ApiReference.module.css";

const code = (chunks: ReactNode) => <code>{chunks}</code>;

export const OPENAPI_URL = "/api/v1/openapi.json";
const STATUSES = ["400", "401", "403", "404", "409", "413", "415", "422", "429", "500"] as const;

const CLI = `npm run cli -- token create --email E [--name N]`;
const CURL = `curl -H "Authorization: Bearer $CONSTANCIA_TOKEN" \\\n  "$CONSTANCIA_URL/api/v1/me"`;
const ERROR_EXAMPLE = `{
  "error": {
    "code": "invalid_input",
    "message": "The body is not valid.",
    "issues": [{ "path": "releasedOn", "message": "Use YYYY-MM-DD or YYYY-MM." }]
  }
}`;

/** The readable reference: how to authenticate, the error shape, a table of contents, then every operation by tag. */
export function ApiReference({ reference, t }: { reference: Reference; t: ApiDocsT }) {
  return (
    <div className={styles.reference}>
      <h1 id="arriba">{t("title")}</h1>
      <p className="lead">{t.rich("intro", { code })}</p>
      <p className={styles.note} data-testid="api-language-note">
        {t("languageNote")}
      </p>
      <p className={styles.download}>
        <a href={OPENAPI_URL} download="constancia-openapi.json" className="button button-secondary" data-testid="api-download">
          {t("download")}
        </a>
        <span className="muted"> {t("downloadHint")}</span>
      </p>

      <nav aria-labelledby="api-toc-title" className={`card ${styles.toc}`} data-testid="api-toc">
        <h2 id="api-toc-title" className={styles.tocTitle}>
          {t("tocTitle")}
        </h2>
        <p className="muted">
          {t("operationCount", { count: reference.operationCount, sections: reference.sections.length })}
        </p>
        <ol className={styles.tocList}>
          <li>
            <a href="#autenticacion">{t("authTitle")}</a>
          </li>
          <li>
            <a href="#errores">{t("errorsTitle")}</a>
          </li>
          {reference.sections.map((section) => (
            <li key={section.anchor}>
              <a href={`#${section.anchor}`} lang="en">
                {section.tag}
              </a>{" "}
              <span className="muted">({t("sectionCount", { count: section.operations.length })})</span>
              <ul className={styles.tocOperations}>
                {section.operations.map((operation) => (
                  <li key={operation.anchor}>
                    <a href={`#${operation.anchor}`} className={styles.tocOperation}>
                      <span className={styles.tocMethod}>{operation.method}</span> <span className={styles.path}>{operation.path}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </nav>

      <section aria-labelledby="autenticacion" className={styles.section}>
        <h2 id="autenticacion">{t("authTitle")}</h2>
        <p className="prose">{t.rich("authBody", { code })}</p>
        <pre className={styles.code}>
          <code>Authorization: Bearer cst_…</code>
        </pre>
        <p className="prose">
          {t.rich("authWhere", { link: (chunks) => <Link href="/cuenta">{chunks}</Link> })}
        </p>
        <pre className={styles.code}>
          <code>{CLI}</code>
        </pre>
        <p className="prose">{t.rich("authCheck", { code })}</p>
        <pre className={styles.code}>
          <code>{CURL}</code>
        </pre>
        <p className="prose">{t("authPublic")}</p>
      </section>

      <section aria-labelledby="errores" className={styles.section}>
        <h2 id="errores">{t("errorsTitle")}</h2>
        <p className="prose">{t.rich("errorsBody", { code })}</p>
        <pre className={styles.code}>
          <code>{ERROR_EXAMPLE}</code>
        </pre>
        <h3>{t("errorsStatuses")}</h3>
        <dl className={styles.statuses}>
          {STATUSES.map((status) => (
            <div key={status} className={styles.status}>
              <dt>
                <span className={`${styles.statusCode} ${styles.errorCode}`}>{status}</span>
              </dt>
              <dd>
                <p className={styles.statusText}>{t.rich(`status${status}`, { code })}</p>
              </dd>
            </div>
          ))}
        </dl>
        {reference.errorCodes.length > 0 ? (
          <>
            <h3>{t("errorsCodes")}</h3>
            <p className={styles.codes}>
              {reference.errorCodes.map((value, index) => (
                <span key={value}>
                  {index > 0 ? " · " : null}
                  <code>{value}</code>
                </span>
              ))}
            </p>
          </>
        ) : null}
      </section>

      {reference.sections.map((section) => (
        <section key={section.anchor} aria-labelledby={section.anchor} className={styles.section} data-testid="api-section">
          <h2 id={section.anchor} lang="en">
            {section.tag}
          </h2>
          {section.description ? (
            <p className="prose" lang="en">
              <InlineText text={section.description} />
            </p>
          ) : null}
          <div className={styles.operations}>
            {section.operations.map((operation) => (
              <OperationCard key={operation.anchor} operation={operation} t={t} />
            ))}
          </div>
          <p className={styles.top}>
            <a href="#api-toc-title">{t("backToTop")}</a>
          </p>
        </section>
      ))}
    </div>
  );
}
