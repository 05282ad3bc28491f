/** JavaScript peer: Arquero loads the CSV into a column table (default type inference). Args: <csv> */
import {loadCSV} from "arquero";
import {report, since} from "../task-result.ts";

const [csv] = process.argv.slice(2) as [string];
const t0 = performance.now();
const table = await loadCSV(csv);
report({seconds: since(t0), rows: table.numRows()});
