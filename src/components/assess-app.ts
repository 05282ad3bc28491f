import {h} from "./dom.js";
import {formatNumber, type Lang} from "./format.js";
import {messages} from "../i18n/messages.js";
import {formatBytes, progressFigures, type Progress} from "./assess-progress.js";
import {computeView, startEngine, type Assessed, type AssessView, type Engine} from "./assess-engine.js";
import {dropZone, type PickedFile} from "./drop-files.js";
import {assessSpeed, speedModules} from "./assess-speed.js";
import type {ChannelTargets} from "./speed-sql.js";
import {positionCard, type Position} from "./position.js";
import {kpiCardGrid} from "./standing.js";
import {table} from "./table.js";

type Text = {en: string; fr: string};
type WorkerMessage =
  | ({type: "progress"} & Progress)
  | Assessed
  | {type: "dataset"; name: string; zip: Uint8Array}
  | {type: "cancelled"}
  | {type: "error"; message: Text};

/** Problem lines shown on the page; all of them are in the dataset's rejects.csv. */
const SHOWN_PROBLEMS = 200;

const secondsText = (s: number, lang: Lang) =>
  s < 90 ? `${formatNumber(Math.ceil(s), lang)} s` : `${formatNumber(Math.ceil(s / 60), lang)} min`;

/**
 * The self-assessment page: settings, the drop zone, progress with cancel, then the dropped
 * organisation's view (placement, KPI cards with standings among the reference panel, volume,
 * what was read and the problems) and the dataset download. State lives in this element only:
 * nothing is written to storage.
 */
export function assessApp({
  lang,
  workerScript,
  panel,
  industries,
  countries,
  targets,
}: {
  lang: Lang;
  /** The worker bundle's text, read at page load: workers made from it fetch nothing. */
  workerScript: string;
  panel: Promise<{csv: string; json: string}>;
  industries: readonly string[];
  countries: readonly string[];
  /** First-reply targets per channel (the site's configuration), drawn on the distributions. */
  targets: ChannelTargets;
}): HTMLElement {
  const m = messages(lang);
  const t = m.assess;
  const workerUrl = URL.createObjectURL(new Blob([workerScript], {type: "text/javascript"}));
  let worker = new Worker(workerUrl, {type: "module"});
  // The charts' library, loaded now so that nothing is fetched after a drop.
  const charts = import("./volume-charts.js");
  const speed = speedModules();
  const engine: Promise<Engine> = startEngine(panel);

  const status = h(
    "p",
    {class: "muted", id: "assess-status", role: "status", "data-state": "preparing"},
    t.preparing,
  );
  void engine.then(
    () => {
      status.dataset.state = "ready";
      status.textContent = `${t.ready} ${t.offline}`;
    },
    (error: unknown) => {
      status.dataset.state = "error";
      status.textContent = `${t.failed} ${String(error)}`;
    },
  );

  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  const zones = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
  const orgInput = h("input", {
    id: "assess-org",
    type: "text",
    value: "my-organisation",
    pattern: "[A-Za-z0-9_-]+",
  }) as HTMLInputElement;
  const select = (id: string, values: readonly string[], value: string, blank?: string) => {
    const s = h(
      "select",
      {id},
      blank === undefined ? null : h("option", {value: ""}, blank),
      ...values.map((v) => h("option", {value: v}, v)),
    ) as HTMLSelectElement;
    s.value = value;
    return s;
  };
  // Default: the command line's rule (a mapping's or profile.json's zone, else UTC); the
  // browser's own zone is offered first.
  const tzSelect = select("assess-tz", [tz, ...zones.filter((z) => z !== tz)], "", t.tzAuto);
  const industrySelect = select("assess-industry", industries, "", t.none);
  const countrySelect = select("assess-country", countries, "", t.none);
  const field = (label: string, input: HTMLElement) =>
    h("label", {class: "assess-field"}, h("span", {}, label), input);
  const settings = h(
    "details",
    {class: "assess-settings"},
    h("summary", {}, t.options),
    field(t.orgLabel, orgInput),
    field(t.tzLabel, tzSelect),
    field(t.industryLabel, industrySelect),
    field(t.countryLabel, countrySelect),
  );

  const progress = h("div", {id: "assess-progress", hidden: ""});
  const result = h("div", {id: "assess-result"});
  let running = false;

  const showProgress = (p: Progress | null, note?: string) => {
    progress.hidden = false;
    progress.replaceChildren();
    progress.append(h("h2", {}, t.progressTitle));
    if (p) {
      const f = progressFigures(p);
      const bar = h("progress", {max: "1", value: String(f.fraction)});
      progress.append(
        h("p", {}, t.fileOf(formatNumber(p.fileIndex + 1, lang), formatNumber(p.files, lang), p.file)),
        bar,
        h(
          "p",
          {class: "muted"},
          t.read(formatBytes(p.bytes, lang), formatBytes(p.size, lang)),
          " · ",
          t.rows(
            formatNumber(p.rows, lang),
            f.rowsPerSecond === null ? "–" : formatNumber(f.rowsPerSecond, lang),
          ),
          f.secondsLeft === null ? "" : ` · ${t.eta(secondsText(f.secondsLeft, lang))}`,
        ),
      );
    }
    if (note) progress.append(h("p", {}, note));
    if (running) {
      const cancel = h("button", {type: "button", id: "assess-cancel"}, t.cancel);
      cancel.addEventListener("click", () => worker.postMessage({type: "cancel"}));
      progress.append(cancel);
    }
  };

  const fail = (text: string) => {
    running = false;
    progress.hidden = true;
    result.replaceChildren(
      h("p", {class: "warning", id: "assess-error", role: "alert"}, `${t.failed} ${text}`),
    );
  };

  const start = (files: PickedFile[]) => {
    if (running) return;
    if (files.length === 0) return fail(t.noFiles);
    running = true;
    result.replaceChildren();
    showProgress(null);
    performance.mark("sb:assess-drop");
    worker.postMessage({
      type: "start",
      files: files.map((f) => f.file),
      paths: files.map((f) => f.path),
      orgId: orgInput.value.trim() || "my-organisation",
      tz: tzSelect.value || undefined,
      industry: industrySelect.value || undefined,
      country: countrySelect.value || undefined,
      now: Date.now(),
    });
  };

  const onMessage = async (event: MessageEvent<WorkerMessage>) => {
    const msg = event.data;
    if (msg.type === "progress") return showProgress(msg);
    if (msg.type === "cancelled") {
      running = false;
      progress.hidden = true;
      result.replaceChildren(h("p", {class: "muted", id: "assess-cancelled"}, t.cancelled));
      return;
    }
    if (msg.type === "error") return fail(msg.message[lang]);
    if (msg.type === "dataset") return save(msg.name, msg.zip);
    performance.mark("sb:assess-read");
    showProgress(null, t.computing);
    try {
      const view = await computeView(await engine, msg);
      const {channelBars, dailyLine, hourHeatmap} = await charts;
      const {connection} = await engine;
      const firstReply = view.overview.cards.find((c) => c.id === "first_reply");
      const speedView = await assessSpeed(connection, view.overview.period, {
        lang,
        width: Math.min(document.querySelector("#observablehq-main")?.clientWidth ?? 640, 1100),
        targets,
        label: firstReply ? firstReply.label[lang] : "",
        modules: speed,
      });
      running = false;
      progress.hidden = true;
      result.replaceChildren(
        ...resultView(msg, view, {
          lang,
          charts: {channelBars, dailyLine, hourHeatmap},
          worker,
          speed: speedView,
        }).filter((node): node is Node => node !== null),
      );
      result.dataset.ready = "true";
      performance.mark("sb:assess-placed");
    } catch (error) {
      fail(String((error as Error).message ?? error));
    }
  };
  const listen = (w: Worker) => {
    w.addEventListener("message", (e: MessageEvent<WorkerMessage>) => void onMessage(e));
    // A worker that dies (out of memory) is replaced from the same script: no fetch.
    w.addEventListener("error", (e) => {
      e.preventDefault();
      worker.terminate();
      worker = new Worker(workerUrl, {type: "module"});
      listen(worker);
      fail(e.message || "the worker stopped");
    });
  };
  listen(worker);

  const save = (name: string, zip: Uint8Array) => {
    const url = URL.createObjectURL(new Blob([zip as BlobPart], {type: "application/zip"}));
    const link = h("a", {href: url, download: name, hidden: ""});
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    const button = result.querySelector<HTMLButtonElement>("#assess-download");
    if (button) {
      button.disabled = false;
      button.textContent = t.download;
    }
  };

  return h(
    "div",
    {class: "assess"},
    status,
    h(
      "div",
      {class: "grid grid-cols-2 assess-drop-row"},
      h(
        "div",
        {},
        dropZone(
          {
            title: t.dropTitle,
            hint: t.dropHint,
            or: t.or,
            chooseFiles: t.chooseFiles,
            chooseFolder: t.chooseFolder,
          },
          start,
        ),
        settings,
      ),
      h(
        "div",
        {class: "card", id: "assess-guide"},
        h("h2", {}, t.guideTitle),
        h("ul", {}, ...Object.values(t.guide).map((text) => h("li", {}, text))),
      ),
    ),
    progress,
    result,
  );
}

type Charts = {
  channelBars: (rows: Record<string, unknown>[], o: {width: number; lang: Lang}) => Element;
  dailyLine: (rows: Record<string, unknown>[], o: {width: number; lang: Lang}) => Element;
  hourHeatmap: (rows: Record<string, unknown>[], o: {width: number; lang: Lang; timezone: string}) => Element;
};

/** The dropped organisation's view, drawn with the Overview's own components. */
function resultView(
  assessed: Assessed,
  view: AssessView,
  {lang, charts, worker, speed}: {lang: Lang; charts: Charts; worker: Worker; speed: HTMLElement | null},
): (Node | null)[] {
  const m = messages(lang);
  const t = m.assess;
  const n = (x: number) => formatNumber(x, lang);
  const place = view.place as
    | (Position & {
        percentiles: Parameters<typeof kpiCardGrid>[1];
        drivers: {text: Text}[];
        moves: {text: Text; archetype?: string}[];
      })
    | null;
  const width = Math.min(document.querySelector("#observablehq-main")?.clientWidth ?? 640, 1100);
  // Two charts side by side on a wide screen; one under the other on a phone.
  const half = width >= 640 ? width / 2 - 24 : width;

  const clockChoice = h("p", {class: "assess-clock"});
  const grid = h("div", {});
  const drawCards = async (clock: "calendar" | "business") => {
    const results = clock === "calendar" ? view.overview.calendar : await view.businessCards();
    grid.replaceChildren(
      kpiCardGrid({...view.overview, calendar: results, business: results}, place?.percentiles ?? {}, {
        clock,
        lang,
        id: "assess-kpi-cards",
      }),
    );
  };
  for (const clock of ["calendar", "business"] as const) {
    const input = h("input", {type: "radio", name: "assess-clock", value: clock}) as HTMLInputElement;
    input.checked = clock === "calendar";
    input.addEventListener("change", () => void drawCards(clock));
    clockChoice.append(
      h("label", {}, input, ` ${m.clock[clock === "calendar" ? "calendarOption" : "businessOption"]}`),
      " ",
    );
  }
  void drawCards("calendar");

  const download = h("button", {type: "button", id: "assess-download"}, t.download) as HTMLButtonElement;
  download.addEventListener("click", () => {
    download.disabled = true;
    download.textContent = t.downloading;
    worker.postMessage({type: "download"});
  });

  const files = assessed.manifest.files;
  const c = t.manifestColumns;
  const shown = assessed.problems.slice(0, SHOWN_PROBLEMS);
  const chartsRows = view.overview.charts;
  return [
    h("h2", {}, t.resultTitle),
    h("p", {}, t.resultIntro(n(files.length), n(assessed.manifest.totals.tickets))),
    h("p", {class: "muted", id: "assess-panel-note"}, t.panelNote),
    place
      ? h("div", {id: "assess-position"}, positionCard(place, {lang, links: false}))
      : h("p", {class: "warning", id: "assess-unplaced"}, view.unplaced ?? ""),
    h("h2", {}, t.kpisTitle),
    clockChoice,
    grid,
    place ? h("h3", {}, t.driversTitle) : null,
    place ? h("ul", {id: "assess-drivers"}, ...place.drivers.map((d) => h("li", {}, d.text[lang]))) : null,
    place ? h("h3", {}, t.movesTitle) : null,
    place
      ? h(
          "ul",
          {id: "assess-moves"},
          ...place.moves.map((mv) => h("li", {"data-archetype": mv.archetype}, mv.text[lang])),
        )
      : null,
    speed ? h("h2", {}, t.speedTitle) : null,
    speed,
    h("h2", {}, t.volumeTitle),
    h(
      "div",
      {class: "grid grid-cols-2"},
      h(
        "div",
        {class: "card"},
        h("h3", {}, m.overview.byChannel),
        charts.channelBars(chartsRows.volume_by_channel ?? [], {width: half, lang}),
      ),
      h(
        "div",
        {class: "card"},
        h("h3", {}, m.overview.byHour(assessed.profile.timezone)),
        charts.hourHeatmap(chartsRows.volume_by_hour ?? [], {
          width: half,
          lang,
          timezone: assessed.profile.timezone,
        }),
      ),
    ),
    h(
      "div",
      {class: "card"},
      h("h3", {}, m.overview.byDay),
      h("p", {class: "muted"}, m.overview.spikeNote),
      charts.dailyLine(chartsRows.volume_by_day ?? [], {width, lang}),
    ),
    h("h2", {}, t.filesTitle),
    table(
      [
        ...files,
        {file: t.total, format: "", content: "", lines: null, ...assessed.manifest.totals, excluded: {}},
      ],
      [
        {label: c.file, value: (f) => f.file},
        {label: c.format, value: (f) => [f.format, f.content].filter(Boolean).join(" · ")},
        {label: c.read, value: (f) => n(f.rows_read), numeric: true},
        {label: c.accepted, value: (f) => n(f.accepted), numeric: true},
        {label: c.rejected, value: (f) => n(f.rejected), numeric: true},
        {
          label: c.excluded,
          value: (f) => n(Object.values(f.excluded).reduce((a, b) => a + b, 0)),
          numeric: true,
        },
        {label: c.duplicates, value: (f) => n(f.duplicates), numeric: true},
      ],
      {id: "assess-manifest", caption: t.filesTitle},
    ),
    h("h3", {}, t.problemsTitle(n(assessed.problems.length))),
    assessed.problems.length
      ? h(
          "ul",
          {id: "assess-problems", class: "problem-lines"},
          ...shown.map((p) => h("li", {}, h("code", {}, p))),
        )
      : h("p", {class: "muted", id: "assess-problems-none"}, t.problemsNone),
    assessed.problems.length > shown.length
      ? h("p", {class: "muted"}, t.problemsMore(n(assessed.problems.length - shown.length)))
      : null,
    assessed.warnings.length ? h("h3", {}, t.warningsTitle) : null,
    assessed.warnings.length
      ? h("ul", {id: "assess-warnings"}, ...assessed.warnings.map((w) => h("li", {}, w)))
      : null,
    h("p", {}, download),
    h("p", {class: "muted"}, t.downloadNote),
  ];
}
