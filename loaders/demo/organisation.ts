import type {Profile} from "../schema/index.ts";

/** The demo organisation: fictional, with a profile like one a user would write. */
export const DEMO_PROFILE: Profile = {
  org_id: "demo-outdoor-gear",
  display_name: "Demo Outdoor Gear",
  industry: "retail",
  country: "FR",
  agents: 14,
  timezone: "Europe/Paris",
  business_hours: {days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00"},
  help_center_views_per_month: 1_100,
  automation_rules: 37,
};

/** Where the fictional account lives; `.example` is reserved, so no link can resolve. */
export const ACCOUNT_URL = "https://demo-outdoor-gear.zendesk.example";
export const SUPPORT_ADDRESS = "support@demo-outdoor-gear.example";

export interface Agent {
  id: number;
  name: string;
  /** Relative share of the tickets this agent takes while active. */
  load: number;
  /** Handles live channels (chat, phone) as well as the queue. */
  live: boolean;
  /** Active period as [first, last] month index of the demo year (0 = January). */
  months: [number, number];
  group: number;
}

export interface Group {
  id: number;
  name: string;
}

export const GROUPS: Group[] = [
  {id: 360001000101, name: "Orders & Delivery"},
  {id: 360001000102, name: "Returns & Repairs"},
  {id: 360001000103, name: "Product Advice"},
];

/** Fourteen agents with outdoor-gear surnames, so nobody can mistake them for real people. */
export const AGENTS: Agent[] = [
  {id: 9100000001, name: "Ada Trailhead", load: 0.5, live: false, months: [0, 11], group: 0},
  {id: 9100000002, name: "Basile Compass", load: 1, live: true, months: [0, 11], group: 0},
  {id: 9100000003, name: "Chloé Carabiner", load: 1, live: true, months: [0, 11], group: 0},
  {id: 9100000004, name: "Dario Bivouac", load: 1.1, live: false, months: [0, 11], group: 0},
  {id: 9100000005, name: "Elif Snowshoe", load: 0.9, live: true, months: [0, 8], group: 0},
  {id: 9100000006, name: "Fanny Lantern", load: 1, live: false, months: [0, 11], group: 1},
  {id: 9100000007, name: "Gaspard Ridgeline", load: 1.2, live: false, months: [0, 11], group: 1},
  {id: 9100000008, name: "Hugo Kayak", load: 0.8, live: true, months: [0, 11], group: 1},
  {id: 9100000009, name: "Inès Summit", load: 1, live: false, months: [5, 11], group: 1},
  {id: 9100000010, name: "Jules Canteen", load: 1, live: true, months: [0, 11], group: 2},
  {id: 9100000011, name: "Katia Piolet", load: 0.9, live: false, months: [0, 11], group: 2},
  {id: 9100000012, name: "Léon Hammock", load: 1, live: true, months: [0, 11], group: 2},
  {id: 9100000013, name: "Maëlle Tarp", load: 0.6, live: false, months: [2, 11], group: 2},
  {id: 9100000014, name: "Noé Switchback", load: 0.4, live: true, months: [0, 11], group: 0},
];

/** Customer name parts for survey exports; the surnames say "example" in several languages. */
export const FIRST_NAMES = [
  "Camille",
  "Louis",
  "Emma",
  "Jules",
  "Léa",
  "Hugo",
  "Manon",
  "Arthur",
  "Chloé",
  "Nathan",
  "Sarah",
  "Lucas",
  "Inès",
  "Tom",
  "Zoé",
  "Noah",
  "Alice",
  "Adam",
  "Lina",
  "Paul",
];
export const LAST_NAMES = [
  "Exemple",
  "Sample",
  "Beispiel",
  "Ejemplo",
  "Esempio",
  "Voorbeeld",
  "Fictif",
  "Demo",
];
