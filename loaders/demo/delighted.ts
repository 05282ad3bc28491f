import {YEAR} from "./calendar.ts";
import {DAY, fromParis, toParis} from "./clock.ts";
import {customer} from "./people.ts";
import type {Random} from "./random.ts";
import {fillContact} from "./simulate.ts";
import {NPS_COMMENTS} from "./topics.ts";

const HEADER = [
  "Response ID",
  "Score",
  "Comment",
  "Response timestamp",
  "Person ID",
  "Email",
  "Name",
  "Purchase channel",
  "Country",
  "Tags",
  "Notes",
];

/** RFC 4180 quoting, as survey tools write their exports. */
function cell(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Paris wall-clock time as `YYYY-MM-DD HH:MM:SS`, with no offset, as the CSV export writes it. */
function localStamp(utc: number): string {
  return new Date(toParis(utc)).toISOString().slice(0, 19).replace("T", " ");
}

/**
 * A Delighted NPS export: a relationship survey e-mailed after purchases, about 75 answers a
 * month, scores improving slightly through the year. Timestamps are in the account's time zone
 * without an offset; some comments carry quotes, commas, line breaks or contact details.
 */
export function delightedNps(random: Random): string {
  const rows: {at: number; line: string}[] = [];
  let responseId = 41_200_000;
  for (let local = Date.UTC(YEAR, 0, 1); local < Date.UTC(YEAR + 1, 0, 1); local += DAY) {
    const weekday = new Date(local).getUTCDay();
    const count = random.poisson(weekday === 0 || weekday === 6 ? 3.2 : 2.2);
    const progress = (local - Date.UTC(YEAR, 0, 1)) / (366 * DAY);
    for (let i = 0; i < count; i++) {
      const hour = random.weighted([0, 0, 0, 0, 0, 0, 1, 2, 3, 3, 3, 3, 4, 3, 3, 3, 3, 3, 4, 5, 5, 4, 3, 1]);
      const at = fromParis(local + hour * 3_600_000 + random.int(0, 3599) * 1000);
      const group = random.weighted([0.2 - 0.05 * progress, 0.3, 0.5 + 0.05 * progress]);
      const score = group === 0 ? random.int(0, 6) : group === 1 ? random.int(7, 8) : random.int(9, 10);
      const comments = [NPS_COMMENTS.detractor, NPS_COMMENTS.passive, NPS_COMMENTS.promoter][
        group
      ] as string[];
      const comment = random.chance(0.55) ? fillContact(random.pick(comments), random) : null;
      const person = customer(random.int(0, 3399));
      const tags = group === 0 && comment ? random.pick(["delivery", "delivery, price", "quality"]) : null;
      const line = [
        responseId++,
        score,
        comment,
        localStamp(at),
        person.id - 9_300_000_000 + 5_100_000,
        person.email,
        person.name,
        random.pick(["Online", "Online", "Store", "Marketplace"]),
        random.pick(["FR", "FR", "FR", "BE", "CH", "DE"]),
        tags,
        null,
      ]
        .map(cell)
        .join(",");
      rows.push({at, line});
    }
  }
  rows.sort((a, b) => a.at - b.at);
  return `${HEADER.join(",")}\r\n${rows.map((r) => r.line).join("\r\n")}\r\n`;
}
