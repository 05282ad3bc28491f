/**
 * Twitter-style timestamps ("Wed Oct 11 06:55:44 +0000 2017", Ruby's `%a %b %d %H:%M:%S %z %Y`)
 * are dates: read as one where a date is expected, and never masked as a phone number in survey
 * comments or reject excerpts (the "44 +0000 2017" after the minutes has 12 digits).
 */
import {describe, expect, it} from "vitest";
import {parseInstant} from "../../loaders/text/dates.ts";
import {excerpt, maskContacts} from "../../loaders/text/mask.ts";
import {run} from "../ingest/helpers.ts";

const TWEET = "Wed Oct 11 06:55:44 +0000 2017";

describe("Twitter-style timestamps", () => {
  it.each([
    [TWEET, {}, Date.UTC(2017, 9, 11, 6, 55, 44)],
    ["Sat Dec 30 23:10:00 -0500 2023", {}, Date.UTC(2023, 11, 31, 4, 10)],
    // Without an offset (C's ctime), the zone of the run applies: Paris is UTC+2 in October.
    ["Wed Oct 11 06:55:44 2017", {tz: "Europe/Paris"}, Date.UTC(2017, 9, 11, 4, 55, 44)],
  ])("%s is read as a date", (text, options, expected) => {
    expect(parseInstant(text, options)).toBe(expected);
  });

  it("an impossible day is an error, not a date", () => {
    expect(parseInstant("Wed Feb 30 06:55:44 +0000 2017")).toBeNaN();
  });

  it("is not masked as a phone number, while a phone number beside it is", () => {
    expect(maskContacts(`tweeted ${TWEET}`)).toBe(`tweeted ${TWEET}`);
    expect(maskContacts(`at 06:55:44 +0000 2017, call +33 6 12 34 56 78`)).toBe(
      "at 06:55:44 +0000 2017, call [phone]",
    );
    expect(excerpt(`${TWEET},06 12 34 56 78`)).toBe(`${TWEET},[phone]`);
  });

  it("reads in a survey export: the response time parsed, the comment kept whole", async () => {
    const csv = `Response ID,Score,Comment,Response timestamp\nr1,9,"Replied ${TWEET}, thanks",${TWEET}\n`;
    const r = await run({"nps.csv": csv});
    expect(r.problems).toEqual([]);
    expect(r.responses[0]).toMatchObject({
      responded_at: Date.UTC(2017, 9, 11, 6, 55, 44),
      comment: `Replied ${TWEET}, thanks`,
    });
  });
});
