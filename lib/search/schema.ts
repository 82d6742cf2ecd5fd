// The search API's query and its NDJSON rows: shared by the route, the browser and the CLI.
import { z } from "zod";

export const SEARCH_MAX_NODES = 100_000;
export const SEARCH_MAX_MS = 60_000;

export const searchQuery = z.object({
  path: z.string({ required_error: "the path query parameter is required" }).default("/"),
  q: z.string({ required_error: "the q query parameter is required" }).min(1, "q must not be empty").max(1024, "q is longer than 1024 characters"),
  in: z.enum(["name", "data", "all"], { errorMap: () => ({ message: "in must be one of name, data, all" }) }).default("all"),
  regex: z.enum(["true", "false"], { errorMap: () => ({ message: "regex must be true or false" }) }).default("false").transform((v) => v === "true"),
  limit: z.coerce.number().int().min(1, "limit must be at least 1").max(10_000, "limit must be at most 10000").default(1000),
  maxNodes: z.coerce.number().int().min(1, "maxNodes must be at least 1").max(1_000_000, "maxNodes must be at most 1000000").default(SEARCH_MAX_NODES),
  maxMs: z.coerce.number().int().min(100, "maxMs must be at least 100").max(300_000, "maxMs must be at most 300000").default(SEARCH_MAX_MS),
}).strict();
export type SearchQuery = z.infer<typeof searchQuery>;

/** `highlight` is the match's [start, end) in `snippet`; a binary value's snippet shows bytes as text with dots. */
export type SearchMatch = { type: "match"; path: string; in: "name" | "data"; snippet: string; highlight: [number, number]; binary?: true; offset?: number };
export type SearchProgress = { type: "progress"; visited: number };
/** Why a search ended early: `limit` matches, `maxNodes` visited, `time` spent. */
export type SearchDone = { type: "done"; visited: number; matches: number; truncated: boolean; stoppedBy?: "limit" | "maxNodes" | "time"; skippedBinary: number; unreadable: number };
export type SearchRow = SearchMatch | SearchProgress | SearchDone;
