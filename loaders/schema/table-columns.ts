import type {z} from "zod";

/** Storage types used in dataset Parquet files. */
export type ColumnType = "VARCHAR" | "TIMESTAMP" | "DOUBLE" | "INTEGER" | "VARCHAR[]";

export interface Column {
  name: string;
  type: ColumnType;
}

/**
 * Table columns derived from a canonical zod object schema, in schema order, so a field added to
 * the schema reaches the Parquet files without a second list to keep in sync. Integer fields named
 * `*_at` are instants (epoch ms in memory) and are stored as UTC TIMESTAMP; other integers are
 * INTEGER (counts and line numbers), other numbers DOUBLE, strings and enums VARCHAR, string
 * arrays VARCHAR[].
 */
export function columnsOf(schema: {shape: Record<string, z.ZodType>}): Column[] {
  return Object.entries(schema.shape).map(([name, field]) => ({name, type: storageType(name, field)}));
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
}

function storageType(name: string, field: z.ZodType): ColumnType {
  let inner = field as z.ZodType & {format?: string | null};
  // Nullable, optional and defaulted fields store the same type as the value they wrap.
  while (["nullable", "optional", "default"].includes(defOf(inner).type)) {
    inner = defOf(inner).innerType as typeof inner;
  }
  const def = defOf(inner);
  if (def.type === "string" || def.type === "enum") return "VARCHAR";
  if (def.type === "number") {
    const integer = inner.format === "safeint" || inner.format === "int32";
    if (!integer) return "DOUBLE";
    return name.endsWith("_at") ? "TIMESTAMP" : "INTEGER";
  }
  if (def.type === "array" && def.element && defOf(def.element).type === "string") return "VARCHAR[]";
  throw new Error(`column ${name}: no storage type for zod type ${def.type}`);
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as {def: Def}).def;
}
