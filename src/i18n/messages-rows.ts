/**
 * Texts of cube mode's ticket rows (the Parquet files fetched when a page needs them) and of the
 * Speed page's figures from cubes, one block per language, spread into the catalogue of
 * messages.ts with the same rules (the same keys in both, checked by a test).
 */

const en = {
  rows: {
    size: (mb: string) => `${mb} MB`,
    loading: (size: string) => `Loading the ticket rows (tickets, their tags and survey responses: ${size})…`,
    failed: "The ticket rows could not be loaded in this browser: these figures cannot be computed.",
    reasons: {tag: "tags", period: "a period that is not whole months"},
    speedCubes: (eps: string) =>
      `From the cubes: counts and n are exact; p50, p90 and the distributions read each ticket's time at its histogram bucket, within ${eps}, and are marked approximate. A tag, or a period that is not whole months, loads the ticket rows and makes every figure exact.`,
    speedRows: (reason: string, size: string) =>
      `From the ticket rows (${size} loaded), since the cubes do not hold ${reason}: every figure is exact, computed as the command line computes it.`,
    approximate: (eps: string) =>
      `Approximate: each ticket's time is read at its histogram bucket (within ${eps}). A bucket belongs to the band holding its representative time, so a ticket that close to a band edge may be counted in the next band.`,
    drillRule: (eps: string) =>
      `Picked from the ticket rows by the chart's own rule (each time read at its histogram bucket, within ${eps}): the list counts exactly what the chart counts.`,
    pageNote: (size: string) =>
      `Cube mode: this page loads the organisation's ticket rows (tickets, their tags and survey responses: ${size}) when it opens, and computes every figure from them with the command line's SQL: exact.`,
  },
};

export type RowsMessages = typeof en;

const fr: RowsMessages = {
  rows: {
    size: (mb: string) => `${mb} Mo`,
    loading: (size: string) =>
      `Chargement des lignes de tickets (tickets, leurs étiquettes et les réponses aux enquêtes : ${size})…`,
    failed:
      "Les lignes de tickets n'ont pas pu être chargées dans ce navigateur : ces chiffres ne peuvent pas être calculés.",
    reasons: {tag: "les étiquettes", period: "une période qui n'est pas faite de mois entiers"},
    speedCubes: (eps: string) =>
      `D'après les cubes : les volumes et les n sont exacts ; les p50, p90 et les distributions lisent le délai de chaque ticket à sa case d'histogramme, à ${eps} près, et sont signalés comme approchés. Une étiquette, ou une période qui n'est pas faite de mois entiers, charge les lignes de tickets et rend chaque chiffre exact.`,
    speedRows: (reason: string, size: string) =>
      `D'après les lignes de tickets (${size} chargés), car les cubes ne contiennent pas ${reason} : chaque chiffre est exact, calculé comme le calcule la ligne de commande.`,
    approximate: (eps: string) =>
      `Approché : le délai de chaque ticket est lu à sa case d'histogramme (à ${eps} près). Une case appartient à la tranche qui contient son délai représentatif : un ticket aussi proche d'une limite de tranche peut compter dans la tranche voisine.`,
    drillRule: (eps: string) =>
      `Choisis parmi les lignes de tickets selon la règle du graphique (chaque délai lu à sa case d'histogramme, à ${eps} près) : la liste compte exactement ce que compte le graphique.`,
    pageNote: (size: string) =>
      `Mode cubes : cette page charge les lignes de tickets de l'organisation (tickets, leurs étiquettes et les réponses aux enquêtes : ${size}) à son ouverture et en calcule chaque chiffre avec le SQL de la ligne de commande : exact.`,
  },
};

export const ROWS_MESSAGES = {en, fr};
