/**
 * The longest record the parsers hold in memory: a CSV record, a JSON array element or member,
 * a JSON Lines line. 64 MiB of decoded text (67,108,864 characters); a longer one is rejected
 * with its line and reading goes on at the next record (docs/cli.md, "Limits").
 */
export const MAX_RECORD_CHARS = 64 * 2 ** 20;

/** The limit as people read it in messages. */
export function limitText(chars: number): string {
  return chars % 2 ** 20 === 0 ? `${chars / 2 ** 20} MB` : `${chars} characters`;
}
