// The column lists are isomorphic (the browser writes the same Parquet files): they live in schema/.
export {columnsOf, type Column, type ColumnType} from "../schema/table-columns.ts";
