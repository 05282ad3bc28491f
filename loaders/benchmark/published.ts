import {csvFormatRows} from "d3-dsv";

/**
 * Published benchmark figures verified in a read source (rows marked V in the shared research
 * notes). Nothing unverified belongs here. `data/benchmarks/published.csv` is written from this.
 */
export interface PublishedFigure {
  metric: string;
  value: number;
  unit: string;
  population: string;
  /** Year of the data, or `null` when the source page is undated. */
  year: number | null;
  source_url: string;
  note: string;
}

const ZD_2012 =
  "https://docplayer.net/amp/4420872-Customer-satisfaction-by-the-numbers-zendesk-customer-satisfaction-index-march-2012.html";
const ZD_2018 = "https://gist.github.com/jaymay/b774ce28186483b07801197233e49720";
const ZD_Q4_2014 =
  "https://zendesk.com/newsroom/press-releases/zendesk-benchmark-customer-service-teams-operate-can-matter-industry-comparisons";
const ZD_CHANNEL_2015 =
  "https://www.zendesk.com/company/press/zendesk-benchmark-live-chat-drives-highest-customer-satisfaction/";
const ZD_BENCH = "https://www.zendesk.com/resources/customer-service-benchmark";
const COMM100_2020 = "https://www.comm100.com/resources/report/2020-live-chat-benchmark-report/wait-time/";

const CSAT_2012_NOTE =
  "Zendesk Customer Satisfaction Index March 2012 (good/bad ratings); older method than the 2014+ per-account medians, do not mix";

/** Zendesk CSAT by industry, March 2012, in percent. */
export const CSAT_BY_INDUSTRY_2012: Readonly<Record<string, number>> = {
  "Real estate": 96,
  "IT services & consultancy": 95,
  Healthcare: 94,
  "Professional services": 94,
  "Personal & business support services": 94,
  "Financial & insurance services": 93,
  Nonprofit: 93,
  Education: 91,
  "Technology - hosting": 91,
  "Travel, hospitality & tourism": 91,
  "Media & telecommunications": 88,
  Software: 87,
  "Web applications": 86,
  "Technology - hardware": 85,
  Manufacturing: 85,
  Marketing: 85,
  "Retail & wholesale": 82,
  "Social media": 78,
  "Entertainment & arts": 77,
};

/** Zendesk CSAT by channel, Q1 2015, in percent. */
export const CSAT_BY_CHANNEL_2015: Readonly<Record<string, number>> = {
  chat: 92,
  phone: 88,
  web: 85,
  email: 85,
  facebook: 84,
  twitter: 77,
};

/** Zendesk 2018 benchmark API, industry medians across accounts (calendar minutes). */
export const ZENDESK_2018 = {
  Manufacturing: {
    first_reply_median: 285,
    first_reply_mean: 1491,
    full_resolution_median: 1542,
    full_resolution_mean: 8708,
    csat: 95.6,
    one_touch: 36.2,
    comments_per_ticket: 7.05,
    tickets_per_month: 216,
  },
  "Real estate": {
    first_reply_median: 144.5,
    full_resolution_median: 1073.5,
    csat: 96,
    one_touch: 38.6,
    comments_per_ticket: 7.8,
    tickets_per_month: 286,
  },
  Consultancy: {first_reply_median: 98},
} as const;

export const PUBLISHED: readonly PublishedFigure[] = [
  {
    metric: "csat_global",
    value: 86,
    unit: "percent",
    population: "Zendesk customers, 15,000+ companies, 137 countries",
    year: 2012,
    source_url: ZD_2012,
    note: CSAT_2012_NOTE,
  },
  ...Object.entries(CSAT_BY_INDUSTRY_2012).map(([industry, value]) => ({
    metric: "csat_by_industry",
    value,
    unit: "percent",
    population: `Zendesk customers, industry: ${industry}`,
    year: 2012,
    source_url: ZD_2012,
    note: CSAT_2012_NOTE,
  })),
  {
    metric: "csat_global",
    value: 82,
    unit: "percent",
    population: "Zendesk Benchmark, 16,000 companies, Q3 2013",
    year: 2013,
    source_url:
      "https://www.zendesk.com/newsroom/press-releases/zendesk-benchmark-q3-customer-satisfaction-rise-still-short-social-expectation-uk/",
    note: "UK: 87 %",
  },
  {
    metric: "csat_global",
    value: 94.7,
    unit: "percent",
    population: "Zendesk Benchmark, 25,000+ organisations in 140 countries, Q4 2014",
    year: 2014,
    source_url: ZD_Q4_2014,
    note: "94.71 %, down 0.26 pt from Q3 2014; mean per account then median across accounts",
  },
  {
    metric: "nps_global",
    value: 33,
    unit: "NPS points",
    population: "Zendesk Benchmark Q3 2014, 103,000 responses, 230 companies",
    year: 2014,
    source_url: ZD_BENCH,
    note: "Q3 2014 edition of the benchmark page",
  },
  {
    metric: "nps_average",
    value: 32,
    unit: "NPS points",
    population: "SurveyMonkey benchmark, 150,000+ organisations",
    year: null,
    source_url: "https://uk.surveymonkey.com/mp/net-promoter-score-benchmarks-customer-loyalty/",
    note: "Undated page; top quartile at 72 or more; 0-30 'generally considered good'",
  },
  {
    metric: "chats_per_month",
    value: 62,
    unit: "chats per month",
    population: "Zendesk Benchmark Q1 2015, 2,261 companies using live chat, typical company",
    year: 2015,
    source_url: ZD_BENCH,
    note: "Q1 2015 edition",
  },
  {
    metric: "chat_first_reply",
    value: 96,
    unit: "seconds",
    population: "Zendesk Benchmark Q1 2015, 2,261 companies using live chat, typical company",
    year: 2015,
    source_url: ZD_BENCH,
    note: "1 min 36 s",
  },
  ...Object.entries(CSAT_BY_CHANNEL_2015).map(([channel, value]) => ({
    metric: "csat_by_channel",
    value,
    unit: "percent",
    population: `Zendesk Benchmark Q1 2015, channel: ${channel}`,
    year: 2015,
    source_url: ZD_CHANNEL_2015,
    note: "",
  })),
  {
    metric: "first_reply_median",
    value: 984, // 16.4 h in minutes
    unit: "minutes",
    population: "Zendesk monthly benchmark, industry: hosting",
    year: 2016,
    source_url: "https://github.com/zammad/zammad/issues/364",
    note: "16.4 h, quoted from a Zendesk e-mail",
  },
  {
    metric: "one_touch_rate",
    value: 32.9,
    unit: "percent of tickets",
    population: "Zendesk monthly benchmark, industry: hosting",
    year: 2016,
    source_url: "https://github.com/zammad/zammad/issues/364",
    note: "Tickets solved in one agent interaction",
  },
  ...industry2018("Manufacturing"),
  ...industry2018("Real estate"),
  {
    metric: "first_reply_median",
    value: ZENDESK_2018.Consultancy.first_reply_median,
    unit: "minutes",
    population: "Zendesk benchmark API, industry: consultancy, median across accounts",
    year: 2018,
    source_url: ZD_2018,
    note: "Calendar minutes; other consultancy figures cut off in the source",
  },
  {
    metric: "high_performer_share",
    value: 25,
    unit: "percent of accounts",
    population: "Zendesk CX Trends 2019, 45,000 companies",
    year: 2019,
    source_url: "https://online.flippingbook.com/view/426857/25",
    note: "Above the median on 3 of 4: CSAT, first reply, resolution time, self-service ratio (help-centre views / tickets)",
  },
  ...(
    [
      [2016, 45],
      [2017, 37],
      [2018, 48],
      [2019, 46],
    ] as const
  ).map(([year, value]) => ({
    metric: "chat_wait_time",
    value,
    unit: "seconds",
    population: "Comm100 live chat benchmark, average wait",
    year,
    source_url: COMM100_2020,
    note: year === 2019 ? "50 s in the 2021 edition" : "",
  })),
  {
    metric: "fcr_call_centre",
    value: 70,
    unit: "percent",
    population: "SQM call-centre benchmark, post-call surveys",
    year: null,
    source_url: "https://www.sqmgroup.com/resources/library/blog/call-center-customer-experience-research",
    note: "One-contact resolution 59 %; undated page",
  },
];

function industry2018(industry: "Manufacturing" | "Real estate"): PublishedFigure[] {
  const f = ZENDESK_2018[industry];
  const population = `Zendesk benchmark API, industry: ${industry.toLowerCase()}, median across accounts`;
  const row = (metric: string, value: number, unit: string, note = ""): PublishedFigure => ({
    metric,
    value,
    unit,
    population,
    year: 2018,
    source_url: ZD_2018,
    note,
  });
  const means =
    "first_reply_mean" in f
      ? [
          row("first_reply_mean", f.first_reply_mean, "minutes", "Mean of account means; calendar minutes"),
          row("full_resolution_mean", f.full_resolution_mean, "minutes", "Calendar minutes"),
        ]
      : [];
  return [
    row("first_reply_median", f.first_reply_median, "minutes", "Calendar minutes"),
    ...means,
    row("full_resolution_median", f.full_resolution_median, "minutes", "Calendar minutes"),
    row("csat", f.csat, "percent"),
    row("one_touch_rate", f.one_touch, "percent of solved tickets"),
    row("agent_comments_per_ticket", f.comments_per_ticket, "comments", "Public and private agent comments"),
    row("tickets_per_month", f.tickets_per_month, "new tickets per month"),
  ];
}

/** published.csv, one row per figure, in the order above. */
export function formatPublishedCsv(figures: readonly PublishedFigure[] = PUBLISHED): string {
  const columns = ["metric", "value", "unit", "population", "year", "source_url", "note"] as const;
  const rows = figures.map((f) => columns.map((c) => (f[c] === null ? "" : String(f[c]))));
  return `${csvFormatRows([[...columns], ...rows])}\n`;
}
