/**
 * The one masking function every free-text-like field passes through: the contact catalogue
 * (loaders/text/mask.ts), then the names the run knows (names.ts). Labels repeat on many rows,
 * so each distinct label is masked once.
 */
import {maskContacts} from "../text/mask.ts";
import {KnownNames} from "./names.ts";

/**
 * A label that is one bare number is an id (Zendesk's group "360004077472"), not a phone: kept,
 * unless it is written as a national phone number (a leading 0 and ten digits or more).
 */
const WHOLE_ID = /^(?!0\d{9})\d+$/;

export class Masker {
  private readonly labels = new Map<string, string>();
  private readonly tagLists = new Map<readonly string[], string[]>();

  constructor(readonly names: KnownNames = new KnownNames()) {}

  /** A label (group, type, tag, channel word, segment, reason), or null. */
  label(value: string): string;
  label(value: string | null): string | null;
  label(value: string | null): string | null {
    if (value === null) return null;
    let hit = this.labels.get(value);
    if (hit === undefined) {
      hit = WHOLE_ID.test(value) ? value : this.names.mask(maskContacts(value), "label");
      if (hit === value) hit = value;
      if (this.labels.size < 200_000) this.labels.set(value, hit);
    }
    return hit;
  }

  /** Free text people wrote (comments, excerpts): also a known first name or surname alone. */
  verbatim(value: string): string;
  verbatim(value: string | null): string | null;
  verbatim(value: string | null): string | null {
    if (value === null || value === "") return value;
    return this.names.mask(maskContacts(value), "verbatim");
  }

  /**
   * A ticket's tags, each a label. Rows with the same tag cell share one array (ticket-csv.ts),
   * so the masked array is shared the same way; an unchanged list is returned as it is.
   */
  tags(tags: readonly string[]): string[] {
    if (tags.length === 0) return tags as string[];
    let hit = this.tagLists.get(tags);
    if (hit === undefined) {
      const masked = tags.map((t) => this.label(t));
      hit = masked.every((t, k) => t === tags[k]) ? (tags as string[]) : masked;
      if (this.tagLists.size < 100_000) this.tagLists.set(tags, hit);
    }
    return hit;
  }
}
