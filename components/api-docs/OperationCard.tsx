import type { ReactNode } from "react";
import type { ReferenceOperation } from "@/lib/api/openapi/reference.ts";
import { FieldList, ShapeDetails } from "./FieldList.tsx";
import { InlineText } from "./InlineText.tsx";
import type { ApiDocsT } from "./labels.ts";
import styles from "./ApiReference.module.css";

const code = (chunks: ReactNode) => <code>{chunks}</code>;

const LEVEL = {
  public: { label: "levelPublic", text: "accessPublic" },
  volunteer: { label: "levelVolunteer", text: "accessVolunteer" },
  moderator: { label: "levelModerator", text: "accessModerator" },
  admin: { label: "levelAdmin", text: "accessAdmin" },
} as const;

/** One operation, as a card: method and path, who may call it, inputs, answers and errors. */
export function OperationCard({ operation, t }: { operation: ReferenceOperation; t: ApiDocsT }) {
  const headingId = `${operation.anchor}-title`;
  const { access } = operation;
  return (
    <article
      id={operation.anchor}
      className={`card ${styles.operation}`}
      aria-labelledby={headingId}
      data-testid="api-operation"
      data-operation={`${operation.method} ${operation.path}`}
    >
      <h3 id={headingId} className={styles.operationTitle}>
        <span className={`${styles.method} ${styles[`method${operation.method}`] ?? ""}`}>{operation.method}</span>{" "}
        <code className={styles.path}>{operation.path}</code>
      </h3>
      <p className={styles.summary} lang="en">
        <InlineText text={operation.summary} />
      </p>
      <p className={styles.access} data-testid="api-access" data-level={access.level}>
        <span className={`badge ${styles.level}`}>{t(LEVEL[access.level].label)}</span>{" "}
        <span className="visually-hidden">{t("who")}: </span>
        {access.level === "public" && access.credentialsIgnored ? t("accessPublicIgnored") : t(LEVEL[access.level].text)}
        {access.permission ? <> {t.rich("accessPermission", { permission: access.permission, code })}</> : null}
        {access.secondFactor ? <> {t("accessSecondFactor")}</> : null}
      </p>
      {operation.description.map((paragraph, index) => (
        <p key={index} className={styles.prose} lang="en">
          <InlineText text={paragraph} />
        </p>
      ))}

      {operation.parameters.length > 0 ? (
        <section className={styles.part}>
          <h4>{t("parameters")}</h4>
          <FieldList
            fields={operation.parameters}
            t={t}
            where={(field) => (field.in === "path" ? t("inPath") : field.in === "query" ? t("inQuery") : null)}
          />
        </section>
      ) : null}

      {operation.requestBody.length > 0 ? (
        <section className={styles.part}>
          <h4>{t("requestBody")}</h4>
          {operation.requestBody.map((content) => (
            <div key={content.mediaType} className={styles.body}>
              {operation.requestBody.length > 1 || content.mediaType !== "application/json" ? (
                <p className={styles.mediaType}>{t.rich("bodyAs", { mediaType: content.mediaType, code })}</p>
              ) : null}
              <ShapeDetails shape={content.shape} t={t} />
              {content.example !== undefined ? (
                <details className={styles.example}>
                  <summary>{t("example")}</summary>
                  <pre className={styles.code}>
                    <code>{content.example}</code>
                  </pre>
                </details>
              ) : null}
            </div>
          ))}
        </section>
      ) : null}

      <section className={styles.part}>
        <h4>{t("responses")}</h4>
        <dl className={styles.statuses}>
          {operation.responses.map((response) => (
            <div key={response.status} className={styles.status} data-testid="api-response" data-status={response.status}>
              <dt>
                <span className={styles.statusCode}>{response.status}</span>
              </dt>
              <dd>
                <p className={styles.statusText} lang="en">
                  <InlineText text={response.description} />
                </p>
                {response.mediaTypes.length > 0 && !(response.mediaTypes.length === 1 && response.mediaTypes[0] === "application/json") ? (
                  <p className={styles.mediaType}>{t("mediaTypes", { types: response.mediaTypes.join(", ") })}</p>
                ) : null}
                {response.headers.length > 0 ? (
                  <details className={styles.more}>
                    <summary>{t("headers")}</summary>
                    <ul className={styles.fields}>
                      {response.headers.map((header) => (
                        <li key={header.name} className={styles.field}>
                          <p className={styles.fieldHead}>
                            <code className={styles.fieldName}>{header.name}</code>
                            {header.value ? (
                              <>
                                {": "}
                                <code>{header.value}</code>
                              </>
                            ) : null}
                          </p>
                          <p className={styles.description} lang="en">
                            <InlineText text={header.description} />
                          </p>
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
                {response.shape && (response.shape.fields.length > 0 || response.shape.variants.length > 0) ? (
                  <details className={styles.more}>
                    <summary>{t("fields")}</summary>
                    <ShapeDetails shape={{ ...response.shape, description: undefined }} t={t} />
                  </details>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      {operation.errors.length > 0 ? (
        <section className={styles.part}>
          <h4>{t("errors")}</h4>
          <dl className={styles.statuses}>
            {operation.errors.map((error) => (
              <div key={error.status} className={styles.status} data-testid="api-error" data-status={error.status}>
                <dt>
                  <span className={`${styles.statusCode} ${styles.errorCode}`}>{error.status}</span>
                </dt>
                <dd>
                  <p className={styles.statusText} lang="en">
                    <InlineText text={error.description} />
                  </p>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </article>
  );
}
