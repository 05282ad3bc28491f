/**
 * A seeded-PII export: requester and agent names, e-mail addresses and phone numbers in every
 * text field of tickets (Zendesk CSV, a generic CSV read through a mapping), survey answers and
 * their comments, in the forms the masking must catch. `SEEDED` lists every string that must
 * never reach a shipped file.
 */
import {mkdir, writeFile} from "node:fs/promises";
import path from "node:path";

export const PEOPLE = {
  requesters: ["Zéphyrine Dupont", "Ngozi Okonkwo", "Björn Halvorsen"],
  agents: ["Marguerite Lefebvre", "Tadeusz Wiśniewski"],
  respondents: ["Oluwaseun Bakare", "Ingrid Solberg"],
};

export const EMAILS = [
  "zephyrine.dupont@example.org",
  "zéphyrine@exämple.org",
  "ngozi(at)example.com",
  "bjorn%40example.net",
  "halvorsen＠example.com",
  "admin@localhost",
  "oluwaseun.bakare@example.com",
];

export const PHONES = [
  "+33 6 12 34 56 78",
  "612345678",
  "12345678901234567",
  "٠٦١٢٣٤٥٦٧٨",
  "1-800-FLOWERS",
  "+44 20 7946 0958",
  "(555) 010-9999",
];

/** Every string that must not appear in a shipped file, as written and in lower case. */
export const SEEDED: string[] = [
  ...new Set(
    [...PEOPLE.requesters, ...PEOPLE.agents, ...PEOPLE.respondents, ...EMAILS, ...PHONES].flatMap((s) => [
      s,
      s.toLowerCase(),
    ]),
  ),
];

const csv = (rows: string[][]) =>
  rows
    .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(","))
    .join("\n") + "\n";

/** Writes the export to `dir/exports` and the generic CSV's mapping to `dir/mapping.json`. */
export async function writeSeededExport(dir: string): Promise<{exports: string; mapping: string}> {
  const exports = path.join(dir, "exports");
  await mkdir(exports, {recursive: true});
  const [zd, ng, bj] = PEOPLE.requesters as [string, string, string];
  const [ma, ta] = PEOPLE.agents as [string, string];
  const zendesk = [
    ["Id", "Requester", "Requester email", "Assignee", "Group", "Ticket type", "Via", "Status", "Priority", "Tags", "Created at", "Updated at", "Solved at", "Satisfaction Score", "Subject"],
    ["1", zd, EMAILS[0]!, ma, `Escalations ${zd}`, `call ${PHONES[0]}`, EMAILS[2]!, "Solved", "Normal", `vip ${zd.replaceAll(" ", "_")} ${EMAILS[1]}`, "2024-05-02 08:00", "2024-05-02 10:00", "2024-05-02 10:00", "Good, I'm satisfied", `Help ${PHONES[1]}`],
    ["2", ng, EMAILS[2]!, ta, `Team ${ma}`, `urgent ${PHONES[2]}`, `ring ${PHONES[3]}`, "Open", `prio ${PHONES[4]}`, `${ng.toLowerCase().replace(" ", "-")} ${EMAILS[3]}`, "2024-05-03 09:00", "2024-05-03 09:30", "", "Offered", "Order"],
    ["3", bj, EMAILS[4]!, ma, `Group ${EMAILS[4]}`, `Type ${bj}`, "Mail", "Deleted", "High", `${ta.replaceAll(" ", "_")} ${PHONES[5]}`, "2024-05-04 09:00", "2024-05-04 09:30", "", "", "Spam"],
    // Invalid: the date cannot be read; its excerpt and reason must be masked too.
    ["4", zd, EMAILS[0]!, ta, `Escalations ${ma}`, `call ${PHONES[6]}`, "Mail", "Open", "Low", `contact ${EMAILS[5]}`, `not a date ${PHONES[1]}`, "", "", "", "x"],
  ]; // prettier-ignore
  await writeFile(path.join(exports, "zendesk.csv"), csv(zendesk));

  const [ol, ing] = PEOPLE.respondents as [string, string];
  const survey = [
    ["Response ID", "Score", "Comment", "Response timestamp", "Name", "Email", "Segment"],
    ["r1", "9", `Thanks to Marguerite! ${zd} here, mail ${EMAILS[0]} or ${PHONES[0]}`, "2024-05-05T10:00:00Z", ol, EMAILS[6]!, `Key account ${ol}`],
    ["r2", "3", `${ta} never called ${PHONES[1]}; Ingrid`, "2024-05-05T11:00:00Z", ing, "ingrid@example.com", `Segment ${PHONES[5]}`],
    ["r3", "11", `out of range, ${ing} ${EMAILS[6]}`, "2024-05-05T12:00:00Z", ing, "", `Segment ${ol}`],
  ]; // prettier-ignore
  await writeFile(path.join(exports, "delighted.csv"), csv(survey));

  const generic = [
    ["Case Number", "Opened", "Closed", "State", "Origin", "Owner", "Queue", "Labels", "Category", "Customer name"],
    ["C-1", "2024-05-06T08:00:00Z", "2024-05-06T09:00:00Z", "Done", `chat ${EMAILS[3]}`, ta, `Queue ${bj}`, `${bj.toLowerCase().replace(" ", "_")}|${PHONES[6]}`, `About ${ng}`, bj],
    ["C-2", "2024-05-06T08:00:00Z", "", "Open", PHONES[5]!, ma, `Queue ${EMAILS[1]}`, `label|${EMAILS[5]}`, `Cat ${PHONES[2]}`, ng],
  ]; // prettier-ignore
  await writeFile(path.join(exports, "cases.csv"), csv(generic));

  const mapping = path.join(dir, "mapping.json");
  await writeFile(
    mapping,
    JSON.stringify({
      format: "generic-csv",
      columns: {
        ticket_id: "Case Number",
        created_at: "Opened",
        solved_at: "Closed",
        status: "State",
        channel: "Origin",
        assignee: "Owner",
        group: "Queue",
        tags: "Labels",
        type: "Category",
      },
      values: {status: {Done: "solved", Open: "open"}},
      tags_separator: "|",
    }),
  );
  return {exports, mapping};
}
