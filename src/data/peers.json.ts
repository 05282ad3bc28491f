import {sitePeers} from "../../loaders/node/site/peers.ts";

// Peer distributions as bins of at least 5 organisations: the site never ships a row per peer.
process.stdout.write(JSON.stringify(await sitePeers()));
