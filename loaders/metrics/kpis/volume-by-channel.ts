import {ticketBase} from "../sql.ts";
import type {KpiDefinition} from "../types.ts";

export const volumeByChannel: KpiDefinition = {
  id: "volume_by_channel",
  label: {en: "Tickets by channel", fr: "Tickets par canal"},
  unit: "tickets",
  countingUnit: "tickets",
  clocks: ["none"],
  better: "neither",
  shape: "table",
  minN: 0,
  columns: ["channel", "tickets", "share"],
  definition: {
    en: "Tickets created in the period per channel, and each channel's share of the cut's tickets.",
    fr: "Tickets créés sur la période par canal, et la part de chaque canal dans les tickets de la découpe.",
  },
  sql(o) {
    return `WITH t AS (${ticketBase(o)})
SELECT cut, channel,
  CAST(count(*) AS INTEGER) AS tickets,
  CAST(count(*) AS DOUBLE) / sum(count(*)) OVER (PARTITION BY cut) AS share
FROM t GROUP BY cut, channel ORDER BY cut, channel`;
  },
};
