import * as Plot from "npm:@observablehq/plot";

export interface PeerBin {
  x0: number;
  x1: number;
  n: number;
}

export interface PeerStripOptions {
  width?: number;
  /** The organisation's own value, drawn in red. */
  you: number | null;
  /** Published figures drawn as dashed rules, numbered to match the list under the chart. */
  references?: {value: number; mark: string}[];
  /** Log scale for right-skewed KPIs (durations, volumes). */
  log?: boolean;
  label?: string;
  tickFormat?: (x: number) => string;
  ariaLabel?: string;
  ariaDescription?: string;
}

/**
 * Where one organisation sits among its peers on one KPI: the peers' density from bins of at least
 * 5 organisations each (never one mark per organisation), their middle half and median, the
 * organisation itself, and published reference figures.
 */
export function peerStrip(
  dist: {bins: PeerBin[]; p25: number; p50: number; p75: number},
  options: PeerStripOptions,
): SVGSVGElement | HTMLElement {
  const {you, references = [], log = false, label, tickFormat} = options;
  // A card measured before layout can report a sliver of width; never draw narrower than this.
  const width = Math.max(options.width ?? 640, 300);
  const t = (x: number) => (log ? Math.log(Math.max(x, 1e-9)) : x);
  const bins = dist.bins.filter((b) => !log || b.x0 > 0);
  // Density per unit of the drawn axis, so a wide bin is not mistaken for a crowded one.
  const density = bins.map((b) => ({...b, d: b.n / Math.max(t(b.x1) - t(b.x0), 1e-9)}));
  const top = Math.max(...density.map((b) => b.d), 1e-9);
  return Plot.plot({
    width,
    height: 110,
    marginTop: 18,
    marginBottom: 32,
    ariaLabel: options.ariaLabel,
    ariaDescription: options.ariaDescription,
    x: {type: log ? "log" : "linear", label: label ?? null, tickFormat, ticks: width < 480 ? 4 : 7},
    y: {axis: null, domain: [0, 1]},
    marks: [
      Plot.rect(density, {
        x1: "x0",
        x2: "x1",
        y1: 0,
        y2: (b: {d: number}) => (0.85 * b.d) / top,
        fill: "#8fb3d9",
        fillOpacity: 0.6,
      }),
      Plot.rect([dist], {x1: "p25", x2: "p75", y1: 0, y2: 0.06, fill: "var(--theme-foreground-muted)"}),
      Plot.ruleX([dist.p50], {y1: 0, y2: 0.9, stroke: "var(--theme-foreground)", strokeWidth: 2}),
      ...references.flatMap((r) => [
        Plot.ruleX([r.value], {y1: 0, y2: 1, stroke: "#1f6fb4", strokeDasharray: "4 3"}),
        Plot.text([r], {x: "value", y: 1, text: "mark", dy: -8, fill: "#1f6fb4", fontSize: 11}),
      ]),
      you === null
        ? null
        : Plot.dot([you], {
            x: (d: number) => d,
            y: 0.35,
            r: 7,
            fill: "#d62728",
            stroke: "white",
            strokeWidth: 2,
          }),
    ],
  });
}
