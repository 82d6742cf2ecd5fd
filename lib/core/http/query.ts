import { errors } from "../errors";

/** The query as one value per name; a repeated name is ambiguous, so it is refused. */
export function singleValuedQuery(params: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of params) {
    if (Object.hasOwn(query, name)) throw errors.repeatedQueryParameter(name);
    query[name] = value;
  }
  return query;
}
