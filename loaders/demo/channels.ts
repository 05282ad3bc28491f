import type {Rhythm} from "./calendar.ts";

export type DemoChannel = "email" | "web" | "chat" | "messaging" | "phone" | "social" | "api" | "followup";

/**
 * How each channel behaves at the demo organisation. Delays are log-normal: `median` and `sigma`
 * (log-scale spread). Agent delays on asynchronous channels are business minutes (agents answer
 * in office hours); on live channels they are calendar minutes during the conversation.
 */
export interface ChannelSpec {
  channel: DemoChannel;
  /** Share of all tickets. */
  share: number;
  rhythm: Rhythm;
  /** Created on weekends too (live channels are closed then). */
  weekend: boolean;
  live: boolean;
  firstReply: {median: number; sigma: number};
  nextReply: {median: number; sigma: number};
  /** Customer's answer delay in calendar minutes. */
  customer: {median: number; sigma: number};
  /** Weights of 1, 2, 3... public agent replies. */
  replies: number[];
  /** Probability of a reopen after solve. */
  reopen: number;
  /** Probability of a hold (waiting for the warehouse or a supplier). */
  hold: number;
}

export const CHANNELS: ChannelSpec[] = [
  {
    channel: "email",
    share: 0.37,
    rhythm: "async",
    weekend: true,
    live: false,
    firstReply: {median: 150, sigma: 1.0},
    nextReply: {median: 150, sigma: 1.0},
    customer: {median: 300, sigma: 1.3},
    replies: [0.38, 0.3, 0.16, 0.09, 0.05, 0.02],
    reopen: 0.05,
    hold: 0.06,
  },
  {
    channel: "web",
    share: 0.22,
    rhythm: "async",
    weekend: true,
    live: false,
    firstReply: {median: 120, sigma: 1.0},
    nextReply: {median: 150, sigma: 1.0},
    customer: {median: 300, sigma: 1.3},
    replies: [0.4, 0.3, 0.15, 0.09, 0.04, 0.02],
    reopen: 0.05,
    hold: 0.06,
  },
  {
    channel: "chat",
    share: 0.16,
    rhythm: "live",
    weekend: false,
    live: true,
    firstReply: {median: 1.2, sigma: 0.8},
    nextReply: {median: 2, sigma: 0.7},
    customer: {median: 1.5, sigma: 0.6},
    replies: [0.25, 0.35, 0.25, 0.1, 0.05],
    reopen: 0.02,
    hold: 0.01,
  },
  {
    channel: "messaging",
    share: 0.1,
    rhythm: "evening",
    weekend: true,
    live: false,
    firstReply: {median: 12, sigma: 1.2},
    nextReply: {median: 10, sigma: 1.1},
    customer: {median: 60, sigma: 1.4},
    replies: [0.3, 0.35, 0.2, 0.1, 0.05],
    reopen: 0.03,
    hold: 0.02,
  },
  {
    channel: "phone",
    share: 0.09,
    rhythm: "live",
    weekend: false,
    live: true,
    firstReply: {median: 0.4, sigma: 0.7},
    nextReply: {median: 60, sigma: 1.0},
    customer: {median: 600, sigma: 1.2},
    replies: [0.75, 0.18, 0.07],
    reopen: 0.02,
    hold: 0.02,
  },
  {
    channel: "social",
    share: 0.045,
    rhythm: "evening",
    weekend: true,
    live: false,
    firstReply: {median: 45, sigma: 1.1},
    nextReply: {median: 40, sigma: 1.0},
    customer: {median: 90, sigma: 1.4},
    replies: [0.55, 0.3, 0.1, 0.05],
    reopen: 0.02,
    hold: 0.01,
  },
  {
    channel: "api",
    share: 0.01,
    rhythm: "async",
    weekend: true,
    live: false,
    firstReply: {median: 300, sigma: 0.9},
    nextReply: {median: 200, sigma: 0.9},
    customer: {median: 400, sigma: 1.2},
    replies: [0.4, 0.35, 0.15, 0.1],
    reopen: 0.03,
    hold: 0.1,
  },
  {
    channel: "followup",
    share: 0.005,
    rhythm: "async",
    weekend: true,
    live: false,
    firstReply: {median: 200, sigma: 1.0},
    nextReply: {median: 150, sigma: 1.0},
    customer: {median: 300, sigma: 1.3},
    replies: [0.5, 0.3, 0.2],
    reopen: 0.05,
    hold: 0.05,
  },
];
