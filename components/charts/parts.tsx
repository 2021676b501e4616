// Shared pieces of the result charts: the frame that gives a chart its accessible name and
// description, the fill patterns that tell series apart without colour, and legend swatches.
// No words of their own: every label arrives through props, so call sites can translate them.
import { useId, type ReactNode } from "react";

export type Series = "yes" | "no" | "abstain" | "none" | "turnout" | "hopeful" | "elected" | "excluded";

/**
 * A chart as one image to assistive technology: named by its visible caption, described by the
 * visible line under it. The numbers themselves stay in the table or text next to the chart.
 */
export function ChartFrame({ title, description, children, testId }: { title: string; description: ReactNode; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <figure className="min-w-0 space-y-2" data-testid={testId}>
      <figcaption className="space-y-0.5">
        <span id={`${id}-title`} className="block text-sm font-semibold text-stone-900">{title}</span>
        <span id={`${id}-desc`} className="block text-sm text-stone-700">{description}</span>
      </figcaption>
      <div role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} className="min-w-0">
        {children}
      </div>
    </figure>
  );
}

/** Pattern ids are per chart (useId), so two charts on one page never share or clash. */
export function usePatternPrefix(): string {
  return `p${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
}

/** Fill for a series: solid for the main ones, hatched or dotted for the rest, so print and colour-blind readers can tell them apart. */
export function fillOf(prefix: string, series: Series): { className: string; fill?: string } {
  switch (series) {
    case "yes":
    case "elected":
      return { className: "fill-emerald-700" };
    case "turnout":
    case "hopeful":
      return { className: "fill-sky-700" };
    case "no":
      return { className: "", fill: `url(#${prefix}-hatch)` };
    case "abstain":
      return { className: "", fill: `url(#${prefix}-dots)` };
    case "excluded":
      return { className: "", fill: `url(#${prefix}-cross)` };
    case "none":
      return { className: "fill-stone-100 stroke-stone-500" };
  }
}

/** The patterns, drawn with Tailwind colour classes so the dark scheme (app/globals.css) turns them too. */
export function PatternDefs({ prefix }: { prefix: string }) {
  return (
    <svg width="0" height="0" className="absolute" aria-hidden="true" focusable="false">
      <defs>
        <pattern id={`${prefix}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" className="fill-red-700" />
          <rect width="2" height="6" className="fill-white" />
        </pattern>
        <pattern id={`${prefix}-dots`} width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" className="fill-stone-500" />
          <circle cx="3" cy="3" r="1.4" className="fill-white" />
        </pattern>
        <pattern id={`${prefix}-cross`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
          <rect width="6" height="6" className="fill-stone-400" />
          <rect width="6" height="2" className="fill-white" />
        </pattern>
      </defs>
    </svg>
  );
}

/**
 * A threshold line across a bar (pass line, quorum, quota): dark with a light halo, so it shows on
 * any fill in either scheme.
 */
export function MarkerLine({ at, y1, y2 }: { at: number; y1: number; y2: number }) {
  return (
    <>
      <line x1={`${at}%`} x2={`${at}%`} y1={y1} y2={y2} strokeWidth="5" className="stroke-white" />
      <line x1={`${at}%`} x2={`${at}%`} y1={y1} y2={y2} strokeWidth="2" className="stroke-stone-900" />
    </>
  );
}

/** A small square in a series' fill, for legends. */
export function Swatch({ prefix, series }: { prefix: string; series: Series }) {
  const f = fillOf(prefix, series);
  return (
    <svg width="14" height="14" className="shrink-0" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="13" height="13" rx="2" className={`${f.className} stroke-stone-500`} fill={f.fill} />
    </svg>
  );
}

/** Formats counts and percentages in the reader's locale. */
export function numberFormats(locale: string) {
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  return { count: (n: number) => count.format(n), percent: (p: number) => percent.format(p / 100) };
}
