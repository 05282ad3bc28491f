import * as Plot from "npm:@observablehq/plot";
/** Okabe and Ito's colour-blind-safe palette, one colour per archetype, always with a legend. */
export const ARCHETYPE_COLOURS: Record<string, string> = {
  relationship_builders: "#0072B2",
  masters_of_complexity: "#E69F00",
  late_bloomers: "#CC79A7",
  captains_of_scale: "#009E73",
};

interface Point {
  x: number;
  y: number;
  archetype: string | null;
}

export interface MapData {
  points: Point[];
  cells: {x0: number; x1: number; y0: number; y1: number; n: number; archetype: string | null}[];
  centres: (Point & {cluster: number})[];
  you: (Point & {approximate: boolean}) | null;
}

/**
 * The panel on its two principal axes: peers as dots (or cells of at least 5 organisations for a
 * real panel), cluster centres as crosses, the organisation as a ringed dot, coloured by archetype.
 */
export function archetypeMap(
  map: MapData,
  {
    width = 640,
    names,
    xLabel,
    yLabel,
    youLabel,
    ariaDescription,
  }: {
    width?: number;
    names: Record<string, string>;
    xLabel: string;
    yLabel: string;
    youLabel: string;
    ariaDescription: string;
  },
) {
  const w = Math.max(width, 300);
  const colour = (a: string | null) => (a ? (ARCHETYPE_COLOURS[a] ?? "gray") : "gray");
  const archetypes = Object.keys(ARCHETYPE_COLOURS);
  return Plot.plot({
    width: w,
    height: Math.round(Math.min(560, Math.max(320, w * 0.7))),
    ariaLabel: xLabel,
    ariaDescription,
    x: {label: xLabel, ticks: 0},
    y: {label: yLabel, ticks: 0},
    color: {
      type: "categorical",
      domain: archetypes.map((a) => names[a]),
      range: archetypes.map((a) => ARCHETYPE_COLOURS[a]!),
      legend: true,
    },
    marks: [
      Plot.frame({stroke: "var(--theme-foreground-faint)"}),
      Plot.rect(map.cells, {
        x1: "x0",
        x2: "x1",
        y1: "y0",
        y2: "y1",
        fill: (d) => names[d.archetype ?? ""] ?? "",
        fillOpacity: 0.45,
        inset: 1,
      }),
      Plot.dot(map.points, {
        x: "x",
        y: "y",
        fill: (d: Point) => names[d.archetype ?? ""] ?? "",
        r: 2.5,
        fillOpacity: 0.55,
      }),
      Plot.dot(map.centres, {
        x: "x",
        y: "y",
        symbol: "times",
        r: 6,
        stroke: (d: Point) => colour(d.archetype),
        strokeWidth: 2.5,
      }),
      map.you
        ? Plot.dot([map.you], {
            x: "x",
            y: "y",
            r: 9,
            stroke: "var(--theme-foreground)",
            strokeWidth: 3,
            fill: "white",
          })
        : null,
      map.you
        ? Plot.text([map.you], {
            x: "x",
            y: "y",
            text: () => youLabel,
            dy: -16,
            fontWeight: "bold",
            fontSize: 13,
          })
        : null,
    ],
  });
}
