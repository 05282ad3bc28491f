/** Text made safe inside HTML text and double-quoted attributes. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
