import type { ClaimantKind } from "@/lib/announcements/schema.ts";

/**
 * How each kind of claimant is drawn on the chart: a shape AND a colour, so
 * that the kinds can be told apart without colour (WCAG 1.4.1). Disputed or
 * superseded announcements are drawn hollow with a dashed outline.
 */
export const MARKER_COLOUR: Record<ClaimantKind, string> = {
  government: "#a63a12", // 6.5:1 on white
  ngo: "#0b5a66", // 7.9:1
  opposition: "#5e3a8c", // 8.5:1
  press: "#475260", // 7.9:1
  foreign_government: "#7a5c00", // 6.3:1
};

export const VERIFIED_COLOUR = "#1b2430";

/** SVG paths centred on (0, 0), about 13 px across. */
export const MARKER_PATH: Record<ClaimantKind, string> = {
  // ▲
  government: "M0,-7 L6.5,5 L-6.5,5 Z",
  // ●
  ngo: "M-5.5,0 a5.5,5.5 0 1,0 11,0 a5.5,5.5 0 1,0 -11,0 Z",
  // ■
  opposition: "M-5,-5 H5 V5 H-5 Z",
  // ◆
  press: "M0,-7 L7,0 L0,7 L-7,0 Z",
  // ✚
  foreign_government: "M-2,-7 H2 V-2 H7 V2 H2 V7 H-2 V2 H-7 V-2 H-2 Z",
};

export const CLAIMANT_KIND_ORDER: readonly ClaimantKind[] = ["government", "ngo", "opposition", "press", "foreign_government"];

export function MarkerPath({ kind, faded, x = 0, y = 0 }: { kind: ClaimantKind; faded: boolean; x?: number; y?: number }) {
  const colour = MARKER_COLOUR[kind];
  return (
    <path
      d={MARKER_PATH[kind]}
      transform={`translate(${x},${y})`}
      fill={faded ? "#ffffff" : colour}
      stroke={colour}
      strokeWidth={faded ? 1.75 : 1}
      strokeDasharray={faded ? "2.5 1.5" : undefined}
    />
  );
}

/** A legend's sample of a mark (decorative: the text beside it says what it is). */
export function MarkerSample({ kind, faded = false }: { kind: ClaimantKind; faded?: boolean }) {
  return (
    <svg width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true" focusable="false">
      <MarkerPath kind={kind} faded={faded} />
    </svg>
  );
}
