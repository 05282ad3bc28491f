/**
 * Columns of a CSV export that hold people's names (requester, submitter, contact, respondent,
 * agent): read on every row, whatever else the row holds, so each name the export knows is masked
 * wherever it appears in free text. A first-name and a last-name column make one name together.
 */

/** Headers (normalised: lower case, single spaces) naming a person. Ids and addresses are not names. */
const PERSON =
  /^(?:requester|requester name|submitter|submitter name|assignee|assignee name|agent|agent name|responder|contact|contact name|customer|customer name|full name|name|respondent|respondent name|author|author name|user name|person|requested by|created by)$/;
const FIRST = /^(?:first name|firstname|given name|prénom|prenom)$/;
const LAST = /^(?:last name|lastname|surname|family name|nom|nom de famille)$/;

/** Columns whose cells, joined with a space, make one person's name; one list per name. */
export function peopleColumns(header: readonly string[]): number[][] {
  const out: number[][] = [];
  let first = -1;
  let last = -1;
  header.forEach((h, i) => {
    if (PERSON.test(h)) out.push([i]);
    else if (FIRST.test(h) && first < 0) first = i;
    else if (LAST.test(h) && last < 0) last = i;
  });
  // A first name alone would be a one-word name, masked in every label: only the pair counts.
  if (first >= 0 && last >= 0) out.push([first, last]);
  return out;
}

/** The names a row gives, as `peopleColumns` groups them. */
export function rowPeople(groups: readonly number[][], fields: readonly string[]): string[] {
  return groups.map((g) =>
    g.length === 1 ? (fields[g[0]!] ?? "") : g.map((c) => fields[c] ?? "").join(" "),
  );
}
