import * as Plot from "npm:@observablehq/plot";

export interface Reference {
  value: number;
  label: string;
}

export interface PeerStripOptions {
  width?: number;
  /** The organisation's own value, drawn in red. */
  you: number | null;
  /** Published figures drawn as dashed rules, each labelled with its source and year. */
  references?: Reference[];
  /** Log scale for right-skewed KPIs (durations, volumes). */
  log?: boolean;
  label?: string;
  tickFormat?: (x: number) => string;
}

/**
 * Where one organisation sits among its peers on one KPI: a dot per peer organisation (each weighs
 * equally), the P25-P75 band and median, the organisation itself, and published reference figures.
 */
export function peerStrip(values: readonly number[], options: PeerStripOptions): SVGSVGElement | HTMLElement {
  const {you, references = [], log = false, label, tickFormat} = options;
  // A card measured before layout can report a sliver of width; never draw narrower than this.
  const width = Math.max(options.width ?? 640, 320);
  const sorted = values.filter((v) => Number.isFinite(v) && (!log || v > 0)).sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))] ?? NaN;
  return Plot.plot({
    width,
    height: 70 + 14 * references.length,
    marginTop: 20 + 14 * references.length,
    x: {type: log ? "log" : "linear", label: label ?? null, tickFormat, grid: true},
    y: {axis: null},
    marks: [
      Plot.rectX([0], {x1: q(0.25), x2: q(0.75), y1: -1, y2: 1, fill: "var(--theme-foreground-faintest)"}),
      // Ticks rather than stacked dots: a panel has hundreds of organisations.
      Plot.tickX(sorted, {x: (d: number) => d, stroke: "var(--theme-foreground-muted)", strokeOpacity: 0.35}),
      Plot.ruleX([q(0.5)], {stroke: "var(--theme-foreground)", strokeWidth: 2}),
      // One rule and one label line per published figure, labels stacked above the strip.
      ...references.flatMap((r, i) => [
        Plot.ruleX([r.value], {stroke: "var(--theme-blue)", strokeDasharray: "4 3"}),
        Plot.text([r], {
          x: "value",
          text: "label",
          frameAnchor: "top",
          dy: -14 * (references.length - i),
          dx: 3,
          textAnchor: "start",
          fill: "var(--theme-blue)",
          fontSize: 10,
        }),
      ]),
      you === null
        ? null
        : Plot.dotX([you], {x: (d: number) => d, r: 6, fill: "var(--theme-red)", stroke: "white"}),
    ],
  });
}
