import {execFileSync} from "node:child_process";
import {existsSync} from "node:fs";
import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {chromiumAvailable} from "./chromium.ts";

const cli = (...args: string[]) => execFileSync("node", ["bin/servicebench.js", ...args], {encoding: "utf8"});
const pdftotext = existsSync("/usr/bin/pdftotext");

/** Six client organisations: the demo's exports drawn from six seeds, each under its own name. */
const CLIENTS = [
  {code: "alpine-outfitters", name: "Alpine Outfitters"},
  {code: "brasserie-numerique", name: "Brasserie Numérique"},
  {code: "cobalt-insurance", name: "Cobalt Insurance"},
  {code: "delta-telecom", name: "Delta Télécom"},
  {code: "ember-games", name: "Ember Games"},
  {code: "fjord-travel", name: "Fjord Travel"},
];

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#0072B2"/></svg>`;

async function makeDataset(root: string, client: (typeof CLIENTS)[number], seed: number): Promise<string> {
  const raw = join(root, `raw-${client.code}`);
  const out = join(root, client.code);
  cli("demo", "--out", raw, "--seed", `study-${seed}`);
  const profile = JSON.parse(await readFile(join(raw, "profile.json"), "utf8"));
  await writeFile(
    join(raw, "profile.json"),
    JSON.stringify({...profile, org_id: client.code, display_name: client.name}),
  );
  try {
    cli("ingest", raw, "--org", client.code, "--out", out);
  } catch (error) {
    // Exit 1 still writes the dataset: a few demo rows are rejected on purpose.
    if ((error as {status?: number}).status !== 1) throw error;
  }
  return out;
}

/**
 * A consultant's study of six organisations built into one site, and each organisation's study
 * printed to PDF in French and in English: every PDF names its own organisation and no other.
 */
describe.skipIf(!chromiumAvailable || !pdftotext)("the consultant's study and its PDFs", () => {
  let root: string;
  const texts = new Map<string, {text: string; pages: number}>();
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "servicebench-study-"));
    const dirs = [];
    for (const [i, c] of CLIENTS.entries()) dirs.push(await makeDataset(root, c, i));
    await writeFile(join(root, "logo.svg"), LOGO);
    await writeFile(
      join(root, "study.json"),
      JSON.stringify({
        consultant: {name: "Claire Martin, CX Conseil", logo: "logo.svg"},
        datasets: CLIENTS.map((c) => c.code),
        // Only the first client gave its costs: only its study has a cost section.
        costs: {
          [CLIENTS[0]!.code]: {
            currency: "EUR",
            monthly: {
              email: 12000,
              web: 8000,
              chat: 9000,
              messaging: 3000,
              phone: 15000,
              social: 2000,
              api: 500,
              other: 200,
            },
          },
        },
      }),
    );
    const dist = join(root, "dist");
    const env = {
      ...process.env,
      SERVICEBENCH_STUDY: join(root, "study.json"),
      SERVICEBENCH_DATA: dirs[0],
      SERVICEBENCH_SITE_OUT: dist,
    };
    execFileSync("npm", ["run", "build"], {stdio: ["ignore", "ignore", "inherit"], env});
    execFileSync("npm", ["run", "pdf", "--", "--all", "--dist", dist, "--out", join(root, "pdf")], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    for (const c of CLIENTS)
      for (const lang of ["fr", "en"]) {
        const file = join(root, "pdf", `${c.code}-${lang}.pdf`);
        const info = execFileSync("pdfinfo", [file], {encoding: "utf8"});
        texts.set(`${c.code}-${lang}`, {
          text: execFileSync("pdftotext", ["-layout", file, "-"], {encoding: "utf8"}),
          pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
        });
      }
  });
  afterAll(async () => {
    if (root && !process.env.KEEP_STUDY) await rm(root, {recursive: true, force: true});
  });

  for (const c of CLIENTS)
    for (const lang of ["fr", "en"] as const)
      it(`${c.code} in ${lang}: its own name, page numbers, its language, and no other client`, () => {
        const {text, pages} = texts.get(`${c.code}-${lang}`)!;
        expect(pages).toBeGreaterThanOrEqual(6);
        expect(pages).toBeLessThanOrEqual(30);
        expect(text).toContain(c.name);
        expect(text).toContain("Claire Martin, CX Conseil");
        // The footer of every page: "n / N".
        for (let p = 1; p <= pages; p++) expect(text).toContain(`${p} / ${pages}`);
        for (const other of CLIENTS.filter((o) => o !== c)) {
          expect(text).not.toContain(other.name);
          expect(text).not.toContain(other.code);
        }
        const costs = lang === "fr" ? "Le scénario de bascule vers le digital" : "The digital-shift scenario";
        if (c === CLIENTS[0]) expect(text).toContain(costs);
        else expect(text).not.toContain(costs);
        if (lang === "fr") {
          expect(text).toContain("Synthèse");
          expect(text).toContain("Délai de première réponse");
          expect(text).not.toContain("Executive summary");
        } else {
          expect(text).toContain("Executive summary");
          expect(text).toContain("First reply time");
          expect(text).not.toContain("Synthèse");
        }
      });
});
