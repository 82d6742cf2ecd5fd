import { ConsoleError } from "../errors";

/** The query as one value per name; a repeated name is ambiguous, so it is refused. */
export function singleValuedQuery(params: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of params) {
    if (Object.hasOwn(query, name)) throw new ConsoleError("BAD_REQUEST", 400, `the query parameter ${JSON.stringify(name)} is given more than once (rule: each query parameter at most once)`);
    query[name] = value;
  }
  return query;
}
