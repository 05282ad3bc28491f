import {siteDataset} from "../../loaders/node/site/dataset.ts";

// Only what pages show; the private salt and agent mapping never leave the dataset.
const {profile, manifest, source} = await siteDataset();
process.stdout.write(JSON.stringify({profile, manifest, demo: source === "demo"}));
