/** The part of Framework's DuckDBClient the pages use to run registry SQL. */
export interface QueryClient {
  query(sql: string): Promise<Iterable<Record<string, unknown>>>;
}

/** Runs SQL text from the KPI registry and returns plain row objects (numbers, not BigInts). */
export async function rows(db: QueryClient, sql: string): Promise<Record<string, unknown>[]> {
  const result = await db.query(sql);
  return Array.from(result, (row) =>
    Object.fromEntries(Object.entries({...row}).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])),
  );
}
