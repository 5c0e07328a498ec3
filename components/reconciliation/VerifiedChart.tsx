"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { CartesianGrid, ComposedChart, ErrorBar, Line, ResponsiveContainer, Scatter, XAxis, YAxis } from "recharts";
import { formatDay, formatNumber } from "@/lib/i18n/format.ts";
import type { ClaimantKind } from "@/lib/announcements/schema.ts";
import { msDay, pointsIn, type ChartData, type ChartMarker, type ChartWindow } from "./chart-data.ts";
import { CLAIMANT_KIND_ORDER, MarkerPath, MarkerSample, VERIFIED_COLOUR } from "./markers.tsx";
import styles from "./Reconciliation.module.css";

const DAY = 86_400_000;

/** About five ticks on whole days across the window. */
function dayTicks(window: ChartWindow, count: number): number[] {
  const days = Math.max(1, Math.round((window.to - window.from) / DAY));
  const step = Math.max(1, Math.round(days / (count - 1)));
  const ticks: number[] = [];
  for (let t = window.from; t <= window.to; t += step * DAY) ticks.push(t);
  return ticks;
}

/** A round top for the y axis, a little above the highest value shown. */
function niceMax(value: number): number {
  if (value <= 10) return 10;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const steps = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
  for (const step of steps) if (step * magnitude >= value * 1.05) return step * magnitude;
  return 10 * magnitude;
}

interface ShapeProps {
  cx?: number;
  cy?: number;
  payload?: ChartMarker;
}

function Marker({ cx, cy, payload }: ShapeProps) {
  if (cx === undefined || cy === undefined || !payload) return <g />;
  return (
    <g>
      <title>{payload.label}</title>
      <MarkerPath kind={payload.kind} faded={payload.faded} x={cx} y={cy} />
    </g>
  );
}

/**
 * The verified total over time (a step line) and every announcement about
 * releases as a mark at its claimed value, on the same time axis. The drawing
 * is hidden from screen readers: the figure's caption, summary and data table
 * (rendered on the server, ReconciliationChart.tsx) say the same in words.
 */
export function VerifiedChart({
  data,
  kindLabels,
}: {
  data: ChartData;
  kindLabels: Record<ClaimantKind, string>;
}) {
  const t = useTranslations("reconciliation.chart");
  const locale = useLocale();
  const [showAll, setShowAll] = useState(false);
  const window = data.claims && !showAll ? data.claims : data.all;
  const day = (ms: number) => formatDay(locale, new Date(ms));

  const { points, markers, yMax, ticks } = useMemo(() => {
    const points = pointsIn(data.points, window);
    const markers = data.markers.filter((m) => m.t >= window.from && m.t <= window.to);
    const highest = Math.max(0, ...points.map((p) => p.verified), ...markers.map((m) => m.value + m.spread[1]));
    return { points, markers, yMax: niceMax(highest), ticks: dayTicks(window, 5) };
  }, [data, window]);

  const kinds = CLAIMANT_KIND_ORDER.filter((kind) => data.markers.some((m) => m.kind === kind));
  const anyFaded = data.markers.some((m) => m.faded);
  const anyRange = data.markers.some((m) => m.spread[1] > 0);

  return (
    <div className={styles.chartBlock}>
      <div className={styles.chartArea} aria-hidden="true" data-testid="reconciliation-chart-drawing">
        <ResponsiveContainer width="100%" height="100%" minWidth={0} initialDimension={{ width: 320, height: 300 }}>
          <ComposedChart margin={{ top: 12, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e3e5e8" vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={[window.from, window.to]}
              ticks={ticks}
              tickFormatter={(value: number) => day(value)}
              allowDataOverflow
              stroke="#6b7480"
              tick={{ fill: "#475260", fontSize: 12 }}
            />
            <YAxis
              type="number"
              domain={[0, yMax]}
              allowDataOverflow
              tickFormatter={(value: number) => formatNumber(locale, value)}
              stroke="#6b7480"
              tick={{ fill: "#475260", fontSize: 12 }}
              width={44}
            />
            <Line
              data={points}
              dataKey="verified"
              type="stepAfter"
              stroke={VERIFIED_COLOUR}
              strokeWidth={2.5}
              dot={false}
              activeDot={false}
              isAnimationActive={false}
              name={t("verifiedLine")}
            />
            <Scatter data={markers} dataKey="value" shape={<Marker />} isAnimationActive={false}>
              <ErrorBar dataKey="spread" direction="y" width={6} stroke="#475260" strokeWidth={2} />
            </Scatter>
          </ComposedChart>
        </ResponsiveContainer>
      </div>

      <div className={styles.legend}>
        <p className={styles.legendHeading}>{t("legendHeading")}</p>
        <ul className={styles.legendList}>
          <li>
            <svg width="22" height="12" viewBox="0 0 22 12" aria-hidden="true" focusable="false">
              <path d="M1,10 H8 V4 H21" fill="none" stroke={VERIFIED_COLOUR} strokeWidth="2.5" />
            </svg>
            {t("verifiedLine")}
          </li>
          {kinds.map((kind) => (
            <li key={kind}>
              <MarkerSample kind={kind} />
              <span className={styles.legendText}>{kindLabels[kind]}</span>
            </li>
          ))}
          {anyFaded ? (
            <li>
              <MarkerSample kind="ngo" faded />
              <span className={styles.legendText}>{t("faded")}</span>
            </li>
          ) : null}
          {anyRange ? (
            <li>
              <svg width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true" focusable="false">
                <path d="M-3,-8 H3 M0,-8 V8 M-3,8 H3" stroke="#475260" strokeWidth="2" fill="none" />
              </svg>
              <span className={styles.legendText}>{t("range")}</span>
            </li>
          ) : null}
        </ul>
      </div>

      {data.claims ? (
        <div className={styles.chartWindow}>
          {!showAll && data.atClaimsEnd !== data.atAsOf ? (
            <p className={styles.after}>
              {t("after", { date: day(data.claims.to), count: data.atAsOf, asOf: day(data.all.to) })}
            </p>
          ) : null}
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setShowAll((value) => !value)}
            data-testid="chart-window-toggle"
          >
            {showAll ? t("showClaims") : t("showAll", { date: day(data.all.to) })}
          </button>
        </div>
      ) : null}
      <span hidden data-testid="chart-window" data-from={msDay(window.from)} data-to={msDay(window.to)} />
    </div>
  );
}
