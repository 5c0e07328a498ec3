import { getLocale, getTranslations } from "next-intl/server";
import { formatCedula } from "@/components/person/options.ts";
import type { HistoryEvent } from "@/lib/audit/data.ts";
import { formatDateTime, formatReleaseMonth, formatDay } from "@/lib/i18n/format.ts";
import { actionKey, conditionsValue, describeChanges, evidenceKindValue, knownField, plainValue, valueKey, type Change } from "./describe.ts";
import styles from "./History.module.css";

const MOVED_KEYS = ["releases", "detentions", "announcedNames", "subscriptions", "tips", "importRows"] as const;
const PERSON_ID_FIELDS = new Set(["personId", "mergedIntoId", "absorbed"]);
const isMovedKey = (key: string): key is (typeof MOVED_KEYS)[number] => (MOVED_KEYS as readonly string[]).includes(key);

/**
 * Audit events, newest first: when, who, what in words, and a before → after
 * table of the fields that changed. Server component (the events carry 64-bit ids).
 */
export async function HistoryList({
  events,
  names,
  showSource,
}: {
  events: HistoryEvent[];
  /** Person ids the events mention → names, so that "merged into" reads as a name. */
  names: Record<string, string>;
  showSource: boolean;
}) {
  const [locale, t, tConditions, tEvidence] = await Promise.all([
    getLocale(),
    getTranslations("history"),
    getTranslations("conditions"),
    getTranslations("evidence"),
  ]);

  const who = (event: HistoryEvent): string => {
    switch (event.actorKind) {
      case "user":
        return event.actorName ?? t("actor.unknownUser");
      case "token":
        return t("actor.token", { name: event.actorName ?? t("actor.unknownUser") });
      case "cli":
      case "system":
      case "demo":
        return t(`actor.${event.actorKind}`);
      default:
        return event.actorName ?? event.actorKind;
    }
  };

  const what = (event: HistoryEvent): string => {
    const key = actionKey(event.action);
    return key ? t(`actions.${key}`) : t("unknownAction", { action: event.action });
  };

  const source = (event: HistoryEvent): string | null => {
    if (event.source.kind === "merged") return t("source.merged", { name: event.source.name });
    if (event.source.kind === "release") {
      const { releasedOn, releasedPrecision } = event.source;
      if (!releasedOn || releasedPrecision === "unknown") return t("source.releaseUndated");
      const date = releasedPrecision === "month" ? formatReleaseMonth(locale, releasedOn, "month")! : formatDay(locale, releasedOn);
      return t("source.release", { date });
    }
    return null;
  };

  const fieldName = (field: string): string => {
    const known = knownField(field);
    return known ? t(`fields.${known}`) : field;
  };

  const valueText = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return t("emptyValue");
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    const key = valueKey(field, value);
    if (key) return t(`values.${key}`);
    const conditions = conditionsValue(field, value);
    if (conditions) return tConditions(conditions);
    const kind = evidenceKindValue(field, value);
    if (kind) return tEvidence(`kinds.${kind}`);
    if (field === "cedula" && typeof value === "string") return formatCedula(value);
    if (PERSON_ID_FIELDS.has(field) && typeof value === "string" && Object.hasOwn(names, value)) return names[value]!;
    if (field === "moved" && typeof value === "object" && !Array.isArray(value)) {
      const moved = Object.entries(value as Record<string, unknown>).filter(([, count]) => count !== 0);
      if (moved.length === 0) return "0";
      return moved
        .map(([item, count]) => `${isMovedKey(item) ? t(`moved.${item}`) : item}: ${plainValue(count) ?? t("emptyValue")}`)
        .join(", ");
    }
    return plainValue(value) ?? t("emptyValue");
  };

  return (
    <ol className={styles.list} aria-label={t("eventsLabel")} data-testid="history-events">
      {events.map((event) => {
        const changes = describeChanges(event.before, event.after);
        const from = showSource ? source(event) : null;
        return (
          <li key={event.id.toString()} className={`card ${styles.event}`} data-testid="history-event" data-action={event.action}>
            <h2 className={styles.what}>{what(event)}</h2>
            <p className={styles.meta}>
              <span className="visually-hidden">{t("when")}: </span>
              <time dateTime={event.at.toISOString()}>{formatDateTime(locale, event.at)}</time>
              <span aria-hidden="true"> · </span>
              <span className="visually-hidden">{t("who")}: </span>
              <span data-testid="history-actor">{who(event)}</span>
              {from ? (
                <>
                  <span aria-hidden="true"> · </span>
                  <span className={`badge ${styles.source} ${event.source.kind === "merged" ? styles.merged : ""}`} data-testid="history-source">
                    {from}
                  </span>
                </>
              ) : null}
            </p>
            {changes.length > 0 ? (
              <ChangeTable
                changes={changes}
                fieldName={fieldName}
                valueText={valueText}
                labels={{
                  caption: t("changesCaption"),
                  createdCaption: t("valuesCaption"),
                  field: t("field"),
                  before: t("before"),
                  after: t("after"),
                  value: t("value"),
                }}
              />
            ) : (
              <p className={`muted ${styles.none}`}>{t("noChanges")}</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function ChangeTable(props: {
  changes: Change[];
  fieldName: (field: string) => string;
  valueText: (field: string, value: unknown) => string;
  labels: { caption: string; createdCaption: string; field: string; before: string; after: string; value: string };
}) {
  // Nothing recorded before (a creation): the values set, without an empty "before" column.
  if (props.changes.every((change) => change.before === undefined)) {
    return (
      <table className={`${styles.changes} ${styles.created}`}>
        <caption className="visually-hidden">{props.labels.createdCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.labels.field}</th>
            <th scope="col">{props.labels.value}</th>
          </tr>
        </thead>
        <tbody>
          {props.changes.map((change) => (
            <tr key={change.field} data-field={change.field}>
              <th scope="row">{props.fieldName(change.field)}</th>
              <td>{props.valueText(change.field, change.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <table className={styles.changes}>
      <caption className="visually-hidden">{props.labels.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.labels.field}</th>
          <th scope="col">{props.labels.before}</th>
          <th scope="col">{props.labels.after}</th>
        </tr>
      </thead>
      <tbody>
        {props.changes.map((change) => (
          <tr key={change.field} data-field={change.field}>
            <th scope="row">{props.fieldName(change.field)}</th>
            <td data-label={props.labels.before} className={styles.before}>
              {props.valueText(change.field, change.before)}
            </td>
            <td data-label={props.labels.after}>{props.valueText(change.field, change.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
