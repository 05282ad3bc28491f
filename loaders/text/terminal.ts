/**
 * Text from export files made safe for a terminal. A header cell or file name can hold escape
 * sequences (ESC [ 2 J clears the screen, OSC 8 writes links, OSC 52 sets the clipboard) or
 * bidirectional overrides that make a line read as something else: printed raw, the file would
 * drive the user's terminal. Every control character becomes a visible escape instead, so what
 * is printed is what the file holds. The output has no control character left, so escaping
 * twice changes nothing.
 */

/** C0 controls, DEL, C1 controls (CSI is U+009B), and Unicode's bidirectional controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One line of text with every control character, line breaks included, written as `\xNN` or `\uNNNN`. */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
  });
}

/** Several lines: each made printable, the line breaks between them kept. */
export function printableLines(text: string): string {
  return text.split("\n").map(printable).join("\n");
}

function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, "0");
}
