import type { ReactNode } from "react";
import type { Constraint, Field, Shape } from "@/lib/api/openapi/reference.ts";
import type { ApiDocsT } from "./labels.ts";
import { InlineText } from "./InlineText.tsx";
import styles from "./ApiReference.module.css";

const CONSTRAINT_KEY = {
  minLength: "constraintMinLength",
  maxLength: "constraintMaxLength",
  minimum: "constraintMinimum",
  maximum: "constraintMaximum",
  exclusiveMinimum: "constraintExclusiveMinimum",
  exclusiveMaximum: "constraintExclusiveMaximum",
  minItems: "constraintMinItems",
  maxItems: "constraintMaxItems",
  pattern: "constraintPattern",
  default: "constraintDefault",
  const: "constraintConst",
} as const;

const code = (chunks: ReactNode) => <code>{chunks}</code>;

/** The facts of one value: its constraints, allowed values and description, then its own fields. */
export function ShapeDetails({ shape, t }: { shape: Shape; t: ApiDocsT }) {
  const facts: ReactNode[] = [];
  if (shape.nullable) facts.push(t("nullable"));
  if (shape.format) facts.push(t.rich("format", { format: shape.format, code }));
  for (const constraint of shape.constraints) facts.push(constraintText(constraint, t));
  return (
    <>
      {facts.length > 0 ? (
        <p className={styles.facts}>
          {facts.map((fact, index) => (
            <span key={index} className={styles.fact}>
              {fact}
            </span>
          ))}
        </p>
      ) : null}
      {shape.enumValues && shape.enumValues.length > 0 ? (
        <p className={styles.values}>
          {t("values")}{" "}
          {shape.enumValues.map((value, index) => (
            <span key={value}>
              {index > 0 ? " · " : null}
              <code>{value}</code>
            </span>
          ))}
        </p>
      ) : null}
      {shape.description ? (
        <p className={styles.description} lang="en">
          <InlineText text={shape.description} />
        </p>
      ) : null}
      {shape.fields.length > 0 ? <FieldList fields={shape.fields} t={t} nested /> : null}
      {shape.variants.length > 0 ? (
        <div className={styles.variants}>
          <p className={styles.variantsTitle}>{t("oneOf")}</p>
          <ol className={styles.variantList}>
            {shape.variants.map((variant, index) => (
              <li key={index}>
                <p className={styles.variantName}>
                  {t("variant", { number: index + 1 })}
                  {variant.fields.length === 0 ? (
                    <>
                      {": "}
                      <code>{variant.type}</code>
                    </>
                  ) : null}
                </p>
                <ShapeDetails shape={variant} t={t} />
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </>
  );
}

function constraintText(constraint: Constraint, t: ApiDocsT): ReactNode {
  const key = CONSTRAINT_KEY[constraint.kind];
  if (typeof constraint.value === "number") return t(key, { value: constraint.value });
  return t.rich(key, { value: constraint.value, code });
}

/** Fields as a stacked list (never a wide table): name, type, required, then the details; nested objects indented. */
export function FieldList({
  fields,
  t,
  nested = false,
  where,
}: {
  fields: (Field & { in?: "path" | "query" })[];
  t: ApiDocsT;
  nested?: boolean;
  where?: (field: Field & { in?: "path" | "query" }) => string | null;
}) {
  return (
    <ul className={nested ? `${styles.fields} ${styles.nested}` : styles.fields}>
      {fields.map((field) => (
        <li key={field.name} className={styles.field} data-testid="api-field" data-name={field.name}>
          <p className={styles.fieldHead}>
            <code className={styles.fieldName}>{field.name}</code> <span className={styles.type}>{field.shape.type}</span>{" "}
            <span className={field.required ? styles.required : styles.optional}>
              {field.required ? t("required") : t("optional")}
            </span>
            {where?.(field) ? <span className={styles.optional}> · {where(field)}</span> : null}
          </p>
          <ShapeDetails shape={field.shape} t={t} />
        </li>
      ))}
    </ul>
  );
}
