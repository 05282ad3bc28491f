import {siteDataset} from "../../loaders/node/site/dataset.ts";
import {siteMode} from "../../loaders/node/site/mode.ts";

// Only what pages show; the private salt and agent mapping never leave the dataset. `site` says
// whether pages load ticket rows or cubes.
const {profile, manifest, source, tickets} = await siteDataset();
process.stdout.write(
  JSON.stringify({profile, manifest, demo: source === "demo", site: siteMode(tickets.length)}),
);
