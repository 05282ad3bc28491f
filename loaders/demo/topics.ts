/** What customers write about, by group (index into GROUPS), with the tags triggers would add. */
export interface Topic {
  group: number;
  weight: number;
  subject: string;
  description: string;
  tags: string[];
  /** Orders carry an order number custom field. */
  order: boolean;
}

export const TOPICS: Topic[] = [
  {
    group: 0,
    weight: 9,
    subject: "Where is my order?",
    description: "I ordered last week and have no tracking update since.",
    tags: ["order_status", "delivery"],
    order: true,
  },
  {
    group: 0,
    weight: 4,
    subject: "Parcel marked delivered but not received",
    description: "The tracking says delivered but there is nothing at my door.",
    tags: ["delivery", "lost_parcel"],
    order: true,
  },
  {
    group: 0,
    weight: 3,
    subject: "Change delivery address",
    description: "Can I still change the delivery address of my order?",
    tags: ["address_change"],
    order: true,
  },
  {
    group: 0,
    weight: 3,
    subject: "Cancel my order",
    description: "Please cancel my order, I bought the wrong model.",
    tags: ["cancellation"],
    order: true,
  },
  {
    group: 0,
    weight: 2,
    subject: "Payment declined twice",
    description: "My card is refused at checkout although it works elsewhere.",
    tags: ["payment"],
    order: false,
  },
  {
    group: 0,
    weight: 2,
    subject: "Invoice for my company",
    description: "I need an invoice with our company VAT number.",
    tags: ["invoice"],
    order: true,
  },
  {
    group: 1,
    weight: 6,
    subject: "Return request",
    description: "The boots are too small, how do I return them?",
    tags: ["return"],
    order: true,
  },
  {
    group: 1,
    weight: 3,
    subject: "Refund not received",
    description: "I sent the parcel back two weeks ago and have no refund yet.",
    tags: ["refund"],
    order: true,
  },
  {
    group: 1,
    weight: 3,
    subject: "Tent pole broken - warranty",
    description: "A pole of my tent snapped on the second night.",
    tags: ["warranty", "tents"],
    order: true,
  },
  {
    group: 1,
    weight: 2,
    subject: "Zip repair on my jacket",
    description: "The main zip of my jacket is broken, can it be repaired?",
    tags: ["repair", "apparel"],
    order: false,
  },
  {
    group: 1,
    weight: 2,
    subject: "Exchange for another size",
    description: "Could I exchange my jacket for a size L?",
    tags: ["exchange", "apparel"],
    order: true,
  },
  {
    group: 2,
    weight: 4,
    subject: "Which sleeping bag for -5°C?",
    description: "Which of your sleeping bags would you advise for winter camping?",
    tags: ["product_question", "sleeping_bags"],
    order: false,
  },
  {
    group: 2,
    weight: 3,
    subject: "Tent for a family of four",
    description: "We are looking for a tent for two adults and two kids.",
    tags: ["product_question", "tents"],
    order: false,
  },
  {
    group: 2,
    weight: 3,
    subject: "Are these boots waterproof?",
    description: "Are the trail boots really waterproof for river crossings?",
    tags: ["product_question", "footwear"],
    order: false,
  },
  {
    group: 2,
    weight: 2,
    subject: "Stock in the Lyon store",
    description: "Is the 40 L backpack in stock in your Lyon store?",
    tags: ["stock", "store"],
    order: false,
  },
  {
    group: 2,
    weight: 1,
    subject: "Bike rack compatibility",
    description: "Will the rear rack fit a 29-inch mountain bike?",
    tags: ["product_question", "bikes"],
    order: false,
  },
];

export const SPAM_SUBJECTS = [
  "Partnership opportunity for your SEO",
  "You have won a voucher!!!",
  "Cheap followers for your shop",
];

export const PRODUCT_CATEGORIES = [
  "tents",
  "sleeping_bags",
  "footwear",
  "apparel",
  "backpacks",
  "bikes",
  "climbing",
];

/** Survey verbatims. `{contact}` is replaced by a fake e-mail or phone so masking gets exercised. */
export const GOOD_COMMENTS = [
  "Quick and friendly answer, thanks!",
  "Problem solved in one message. Great service.",
  "Very helpful advice on the sleeping bag, I'm happy with it.",
  "Refund arrived fast, thank you.",
  "Agent was patient and knew the products well",
  'Super service, "merci" to the team!',
  "Good, though I had to wait a day for the first answer.",
  "Thanks - you can reach me at {contact} if you need anything else.",
];

export const BAD_COMMENTS = [
  "Took far too long to get a reply.",
  "Still no refund, and nobody tells me why.",
  "I had to explain my problem three times.",
  "The answer didn't help, the tent is still broken.",
  "Please call me back on {contact}, I never got an answer.",
  "Slow, and the parcel is still lost.\nVery disappointed.",
];

export const BAD_REASONS: [number, string][] = [
  [5, "The issue took too long to resolve"],
  [6, "The issue was not resolved"],
  [7, "The agent's knowledge is unsatisfactory"],
  [8, "The agent's attitude is unsatisfactory"],
  [100, "Some other reason"],
];

export const NPS_COMMENTS = {
  promoter: [
    "Great gear and fast delivery.",
    "Love the quality of your tents, I recommend you to all my friends.",
    "Good advice in the store and online",
    "Excellent, as always!",
    "Best outdoor shop, returns are easy.",
  ],
  passive: [
    "Good products, but delivery could be faster.",
    "Fine overall. Prices are a bit high.",
    "OK, though the website search is clumsy",
    "Decent, nothing special.",
  ],
  detractor: [
    "My order arrived late and incomplete.",
    "Return took weeks; contact me at {contact}.",
    "Customer service never answered my e-mail.",
    'The "waterproof" jacket is not waterproof, at all.',
    "Too expensive for the quality,\nand the zip broke after a month.",
  ],
};
