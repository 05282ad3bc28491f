/**
 * The analysis pages' texts (Satisfaction, Volume & channels, Team), one block per language,
 * spread into the catalogue of messages.ts: a part of it kept in its own file, with the same
 * rules (French written for a French support manager; the same keys in both, checked by a test).
 */

const en = {
  analysis: {
    csv: "Download as CSV",
    starting: "Starting DuckDB in this browser: the figures follow the filters once it has.",
    failed: "DuckDB could not start in this browser: the figures on this page cannot be computed.",
    tooFew: (n: string, min: string) => `too few (n = ${n}, under ${min})`,
    unknown: "unknown",
    none: "no data",
    minNNote: (min: string) =>
      `A figure on fewer observations than its KPI's minimum (${min} survey responses, 10 tickets) is not shown: the cell says "too few" and gives n.`,
    clickHint: "Click a bar, cell or dot to list its tickets.",
  },
  satisfaction: {
    title: "Satisfaction",
    intro:
      "CSAT always beside its response rate and its 95 % interval, NPS beside its margin of error: a score on a few answers says little. Every figure follows the filters; responses are dated by their answer.",
    cards: "For the selection",
    overTime: "Over time",
    csatOverTime: "CSAT per month, with its 95 % interval",
    npsOverTime: "NPS per month, with its margin of error",
    overTimeNote:
      "Months under the minimum number of responses are left out of the chart and marked in the table.",
    monthTable: "Per month",
    byCutTitle: "By channel, group and agent",
    cutBy: "Cut by",
    dimensions: {channel: "channel", group: "group", agent: "agent", month: "month"},
    byCut: (d: string) => `Satisfaction by ${d}`,
    agentNote: "Agents appear only as pseudonymised codes; the export's names never reach this site.",
    responses: "CSAT responses",
    npsResponses: "NPS responses",
    responseRate: "response rate",
    offered: "surveys offered",
    moe: "margin",
    byBucketTitle: "Does speed move satisfaction?",
    byBucket: "CSAT and NPS by first reply time",
    byBucketNote:
      "Each survey response is placed by the first reply time of its ticket (on the clock chosen in the filters); responses not linked to a ticket are left out.",
    csatByBucket: "CSAT by first reply time",
    npsByBucket: "NPS by first reply time",
    firstReplyBucket: "first reply",
    noLinked:
      "No response of this survey is linked to a ticket in the selection: its scores cannot be placed by first reply time.",
    bucketsTooFew: "Every first reply bucket has too few responses to show.",
    buckets: {
      "< 1 h": "under 1 h",
      "1-4 h": "1 to 4 h",
      "4-24 h": "4 to 24 h",
      "1-3 d": "1 to 3 days",
      ">= 3 d": "3 days or more",
      "no reply": "no reply",
      unknown: "unknown",
    } as Record<string, string>,
    commentsTitle: "What customers wrote",
    commentsIntro:
      "Survey comments of the selection, newest first. E-mail addresses, phone numbers and known names were masked when the export was read.",
    search: "Search",
    searchPlaceholder: "words to find",
    kind: "Survey",
    kinds: {all: "all", csat: "CSAT", nps: "NPS", ces: "CES"} as Record<string, string>,
    tone: "Score",
    tones: {all: "all", positive: "positive", neutral: "neutral", negative: "negative"},
    commentsFound: (n: string, shown: string) => `${n} comments match; ${shown} shown.`,
    commentsCapped: (shipped: string, total: string) =>
      `The site holds the ${shipped} newest of ${total} comments.`,
    noneOmitted: "none",
    chartAlt: {
      overTime: (n: string, omitted: string) =>
        `Chart of ${n} months; months with too few responses: ${omitted}.`,
      byBucket: (omitted: string) =>
        `Bar chart by first reply time; buckets with too few responses: ${omitted}.`,
    },
  },
  volume: {
    title: "Volume & channels",
    intro:
      "How many contacts arrive, when and through which channel, what stays open, and what each channel costs. Every chart follows the filters.",
    byChannelTime: "Tickets per month by channel",
    heatmap: (tz: string) => `Average tickets per hour and weekday (${tz})`,
    heatmapNote: (from: string, to: string) =>
      `Each cell is the average over the occurrences of its weekday from ${from} to ${to} (a quarter may hold 12 Sundays and 13 Mondays), so weekdays compare fairly. The colour scale starts at zero.`,
    perDay: "tickets per occurrence",
    daily: "Tickets per day, spikes flagged",
    spikeRule: (z: string, min: string) =>
      `A spike is a day whose robust z-score is above ${z} and that holds at least ${min} tickets.`,
    spikesTitle: "Spikes",
    spikeLine: (day: string, n: string, median: string) => `${day}: ${n} tickets (a usual day: ${median})`,
    noSpike: "No day of the selection is a spike.",
    backlog: "Open tickets at the end of each day",
    backlogNote:
      "From each ticket's creation and solve dates: a ticket counts from its creation until its last solve; tickets created before the period count while they are open.",
    open: "open",
    created: "created",
    solved: "solved",
    mixTitle: "Channel mix",
    share: "share",
    tickets: "tickets",
    perMonth: "per month",
    channel: "channel",
    published: "Published channel figures",
    publishedNote:
      "Verified published figures about channels, each with its source and year. No verified source gives a channel mix to compare yours with; these give the typical use of chat.",
    figure: "figure",
    metrics: {
      chats_per_month: "Chats per month",
      chat_first_reply: "Chat first reply",
      chat_wait_time: "Chat wait before an agent answers",
      csat_by_channel: "CSAT by channel",
    } as Record<string, string>,
    chatsPerMonth: (n: string) => `${n} chats`,
    value: "value",
    population: "population",
    year: "year",
    costTitle: "Cost per contact",
    costIntro:
      "Enter each channel's monthly cost (salaries, tools, telephony, in any one currency). Nothing is assumed: a channel without a cost has no cost per contact.",
    monthlyCost: "monthly cost",
    costPerContact: "cost per contact",
    months: "months covered",
    noCost: "no cost entered",
    chartAlt: {
      byChannelTime: (n: string) => `Stacked bar chart of ${n} months of tickets by channel.`,
      backlog: (days: string, last: string, peak: string) =>
        `Line chart of open tickets over ${days} days; ${last} open on the last day, ${peak} at the most.`,
    },
    scenarioTitle: "Digital shift scenario",
    scenarioIntro: (share: string, from: string, to: string, self: string) =>
      `Move ${share} of ${from} contacts to ${to} and self-service (${self} of the moved contacts answered by self-service): the monthly cost and the first reply, before and after.`,
    scenarioFrom: "from",
    scenarioTo: "to",
    scenarioShare: "share moved",
    scenarioSelf: "of which self-service",
    assumptions: "Assumptions",
    assumptionList: [
      "Each channel's cost per contact stays what it is: its cost grows and shrinks with its volume.",
      "A contact answered by self-service costs nothing and opens no ticket.",
      "Each channel keeps its own first reply median; the organisation's figure is the average of the channels' medians weighted by their contacts.",
      "Contacts per month are the selection's tickets over the months it covers.",
      "A description under these assumptions, not a forecast.",
    ],
    before: "before",
    after: "after",
    moved: "contacts moved per month",
    costMonth: "cost per month",
    firstReply: "first reply (weighted median)",
    missing: "Not computed: ",
    missingReasons: {
      cost: "a channel's monthly cost is not entered",
      reply: "a channel has no first reply median",
      from: (c: string) => `the selection has no ${c} contacts`,
      to: (c: string) => `the selection has no ${c} contacts`,
    },
  },
  team: {
    title: "Team",
    intro:
      "Groups and agents side by side: volume, first reply and resolution medians, one-touch resolution, and CSAT beside its response rate. Agents appear only as pseudonymised codes. Sort by clicking a heading.",
    groupsTitle: "Groups",
    agentsTitle: "Agents",
    group: "group",
    agent: "agent (code)",
    tickets: "tickets",
    firstReply: "first reply (median)",
    resolution: "resolution (median)",
    oneTouch: "one-touch",
    oneTouchN: "solved with a reply",
    csatN: "CSAT responses",
    responseRate: "response rate",
    groupNames:
      "Group names come from the export's list of groups; a group it does not name is shown by its id.",
    groupIds:
      "This dataset holds no group names: groups are shown by their ids, as the tickets hold them. servicebench ingest keeps the names when the exports include a list of groups (Zendesk groups, Freshdesk groups, Intercom teams, or a warehouse's group or team table).",
  },
};

export type AnalysisMessages = typeof en;

const fr: AnalysisMessages = {
  analysis: {
    csv: "Télécharger en CSV",
    starting:
      "Démarrage de DuckDB dans ce navigateur : les chiffres suivront les filtres dès qu'il sera prêt.",
    failed:
      "DuckDB n'a pas pu démarrer dans ce navigateur : les chiffres de cette page ne peuvent pas être calculés.",
    tooFew: (n: string, min: string) => `trop peu (n = ${n}, moins de ${min})`,
    unknown: "inconnu",
    none: "aucune donnée",
    minNNote: (min: string) =>
      `Un chiffre calculé sur moins d'observations que le minimum de son indicateur (${min} réponses à l'enquête, 10 tickets) n'est pas affiché : la case indique « trop peu » et donne n.`,
    clickHint: "Cliquez sur une barre, une case ou un point pour voir ses tickets.",
  },
  satisfaction: {
    title: "Satisfaction",
    intro:
      "Le CSAT toujours avec son taux de réponse et son intervalle à 95 %, le NPS avec sa marge d'erreur : un score tiré de quelques réponses ne dit pas grand-chose. Tous les chiffres suivent les filtres ; les réponses sont datées du jour où elles ont été données.",
    cards: "Pour la sélection",
    overTime: "Dans le temps",
    csatOverTime: "CSAT par mois, avec son intervalle à 95 %",
    npsOverTime: "NPS par mois, avec sa marge d'erreur",
    overTimeNote:
      "Les mois sous le nombre minimal de réponses sont absents du graphique et signalés dans le tableau.",
    monthTable: "Par mois",
    byCutTitle: "Par canal, par groupe et par agent",
    cutBy: "Découper par",
    dimensions: {channel: "canal", group: "groupe", agent: "agent", month: "mois"},
    byCut: (d: string) => `Satisfaction par ${d}`,
    agentNote:
      "Les agents n'apparaissent que sous un code pseudonyme ; les noms de l'export n'arrivent jamais sur ce site.",
    responses: "réponses CSAT",
    npsResponses: "réponses NPS",
    responseRate: "taux de réponse",
    offered: "enquêtes envoyées",
    moe: "marge",
    byBucketTitle: "La rapidité fait-elle la satisfaction ?",
    byBucket: "CSAT et NPS selon le délai de première réponse",
    byBucketNote:
      "Chaque réponse est classée selon le délai de première réponse de son ticket (sur l'horloge choisie dans les filtres) ; les réponses sans ticket associé sont exclues.",
    csatByBucket: "CSAT selon le délai de première réponse",
    npsByBucket: "NPS selon le délai de première réponse",
    firstReplyBucket: "première réponse",
    noLinked:
      "Aucune réponse de cette enquête n'est liée à un ticket de la sélection : ses notes ne peuvent pas être classées par délai de première réponse.",
    bucketsTooFew: "Toutes les tranches de délai ont trop peu de réponses pour être affichées.",
    buckets: {
      "< 1 h": "moins d'1 h",
      "1-4 h": "1 à 4 h",
      "4-24 h": "4 à 24 h",
      "1-3 d": "1 à 3 jours",
      ">= 3 d": "3 jours ou plus",
      "no reply": "sans réponse",
      unknown: "inconnu",
    } as Record<string, string>,
    commentsTitle: "Ce que les clients ont écrit",
    commentsIntro:
      "Les commentaires d'enquête de la sélection, du plus récent au plus ancien. Adresses e-mail, numéros de téléphone et noms connus ont été masqués à la lecture de l'export.",
    search: "Rechercher",
    searchPlaceholder: "mots à chercher",
    kind: "Enquête",
    kinds: {all: "toutes", csat: "CSAT", nps: "NPS", ces: "CES"} as Record<string, string>,
    tone: "Note",
    tones: {all: "toutes", positive: "positive", neutral: "neutre", negative: "négative"},
    commentsFound: (n: string, shown: string) => `${n} commentaires correspondent ; ${shown} affichés.`,
    commentsCapped: (shipped: string, total: string) =>
      `Le site contient les ${shipped} plus récents des ${total} commentaires.`,
    noneOmitted: "aucun",
    chartAlt: {
      overTime: (n: string, omitted: string) =>
        `Graphique de ${n} mois ; mois avec trop peu de réponses : ${omitted}.`,
      byBucket: (omitted: string) =>
        `Barres par délai de première réponse ; tranches avec trop peu de réponses : ${omitted}.`,
    },
  },
  volume: {
    title: "Volume et canaux",
    intro:
      "Combien de demandes arrivent, quand et par quel canal, ce qui reste ouvert, et ce que coûte chaque canal. Tous les graphiques suivent les filtres.",
    byChannelTime: "Tickets par mois et par canal",
    heatmap: (tz: string) => `Tickets en moyenne par heure et jour de semaine (${tz})`,
    heatmapNote: (from: string, to: string) =>
      `Chaque case est la moyenne sur les occurrences de son jour de semaine du ${from} au ${to} (un trimestre peut compter 12 dimanches et 13 lundis) : les jours se comparent à égalité. L'échelle de couleur part de zéro.`,
    perDay: "tickets par occurrence",
    daily: "Tickets par jour, pics signalés",
    spikeRule: (z: string, min: string) =>
      `Un pic est un jour dont le score z robuste dépasse ${z} et qui compte au moins ${min} tickets.`,
    spikesTitle: "Pics",
    spikeLine: (day: string, n: string, median: string) =>
      `${day} : ${n} tickets (un jour ordinaire : ${median})`,
    noSpike: "Aucun jour de la sélection n'est un pic.",
    backlog: "Tickets ouverts en fin de journée",
    backlogNote:
      "D'après les dates de création et de résolution de chaque ticket : un ticket compte de sa création à sa dernière résolution ; les tickets créés avant la période comptent tant qu'ils sont ouverts.",
    open: "ouverts",
    created: "créés",
    solved: "résolus",
    mixTitle: "Répartition par canal",
    share: "part",
    tickets: "tickets",
    perMonth: "par mois",
    channel: "canal",
    published: "Chiffres publiés sur les canaux",
    publishedNote:
      "Chiffres publiés vérifiés portant sur les canaux, chacun avec sa source et son année. Aucune source vérifiée ne donne de répartition par canal à comparer à la vôtre ; ceux-ci donnent l'usage typique du chat.",
    figure: "indicateur",
    metrics: {
      chats_per_month: "Chats par mois",
      chat_first_reply: "Première réponse en chat",
      chat_wait_time: "Attente en chat avant la réponse d'un agent",
      csat_by_channel: "CSAT par canal",
    } as Record<string, string>,
    chatsPerMonth: (n: string) => `${n} chats`,
    value: "valeur",
    population: "population",
    year: "année",
    costTitle: "Coût par contact",
    costIntro:
      "Saisissez le coût mensuel de chaque canal (salaires, outils, téléphonie, dans une même devise). Rien n'est supposé : un canal sans coût n'a pas de coût par contact.",
    monthlyCost: "coût mensuel",
    costPerContact: "coût par contact",
    months: "mois couverts",
    noCost: "coût non saisi",
    chartAlt: {
      byChannelTime: (n: string) => `Barres empilées de ${n} mois de tickets par canal.`,
      backlog: (days: string, last: string, peak: string) =>
        `Courbe des tickets ouverts sur ${days} jours ; ${last} ouverts le dernier jour, ${peak} au plus haut.`,
    },
    scenarioTitle: "Scénario de bascule vers le digital",
    scenarioIntro: (share: string, from: string, to: string, self: string) =>
      `Basculer ${share} des contacts ${from} vers ${to} et le selfcare (${self} des contacts basculés traités en selfcare) : coût mensuel et première réponse, avant et après.`,
    scenarioFrom: "depuis",
    scenarioTo: "vers",
    scenarioShare: "part basculée",
    scenarioSelf: "dont selfcare",
    assumptions: "Hypothèses",
    assumptionList: [
      "Le coût par contact de chaque canal reste le même : son coût suit son volume.",
      "Un contact traité en selfcare ne coûte rien et n'ouvre pas de ticket.",
      "Chaque canal garde sa propre médiane de première réponse ; celle de l'organisation est la moyenne des médianes des canaux pondérée par leurs contacts.",
      "Les contacts par mois sont les tickets de la sélection divisés par le nombre de mois qu'elle couvre.",
      "Une description sous ces hypothèses, pas une prévision.",
    ],
    before: "avant",
    after: "après",
    moved: "contacts basculés par mois",
    costMonth: "coût par mois",
    firstReply: "première réponse (médiane pondérée)",
    missing: "Non calculé : ",
    missingReasons: {
      cost: "le coût mensuel d'un canal n'est pas saisi",
      reply: "un canal n'a pas de médiane de première réponse",
      from: (c: string) => `la sélection ne compte aucun contact ${c}`,
      to: (c: string) => `la sélection ne compte aucun contact ${c}`,
    },
  },
  team: {
    title: "Équipe",
    intro:
      "Groupes et agents côte à côte : volume, médianes de première réponse et de résolution, résolution au premier contact, et CSAT avec son taux de réponse. Les agents n'apparaissent que sous un code pseudonyme. Cliquez sur un en-tête pour trier.",
    groupsTitle: "Groupes",
    agentsTitle: "Agents",
    group: "groupe",
    agent: "agent (code)",
    tickets: "tickets",
    firstReply: "première réponse (médiane)",
    resolution: "résolution (médiane)",
    oneTouch: "premier contact",
    oneTouchN: "résolus avec réponse",
    csatN: "réponses CSAT",
    responseRate: "taux de réponse",
    groupNames:
      "Les noms de groupe viennent de la liste des groupes de l'export ; un groupe qu'elle ne nomme pas est affiché par son identifiant.",
    groupIds:
      "Ce jeu de données ne contient aucun nom de groupe : les groupes sont affichés par leur identifiant, tel que les tickets le portent. servicebench ingest garde les noms quand les exports comprennent une liste des groupes (groupes Zendesk, groupes Freshdesk, équipes Intercom, ou la table group ou team d'un entrepôt).",
  },
};

export const ANALYSIS_MESSAGES = {en, fr};
