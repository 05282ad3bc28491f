// Minimal Zendesk records for tests and benches that need a valid ticket around the case they pin.

/** One Zendesk API ticket as JSON text; the subject is left out unless given. */
export const zendeskTicket = (id: number, subject?: string): string =>
  JSON.stringify({
    id,
    created_at: "2024-03-01T10:00:00Z",
    updated_at: "2024-03-02T10:00:00Z",
    status: "open",
    via: {channel: "web"},
    ...(subject === undefined ? {} : {subject}),
  });

/** The header of a Zendesk CSV view export with a subject column, and one of its rows. */
export const ZENDESK_CSV_HEAD = "Id,Created at,Updated at,Status,Via,Subject\n";
export const zendeskCsvRow = (id: number, subject: string): string =>
  `${id},2024-03-01 10:00:00,2024-03-02 10:00:00,Open,Mail,${subject}\n`;
