// How a server value reaches the browser: as its JSON (Dates become strings, undefined fields
// vanish). Browser types are these of the server's own types and verbs, never hand-written copies.
import type { Jsonify } from "type-fest";

/** The JSON of a server value. */
export type Wire<T> = Jsonify<T>;

/** The JSON of what a server verb resolves to: the body its route answers with. */
export type Answer<Verb extends (...args: never[]) => unknown> = Jsonify<Awaited<ReturnType<Verb>>>;

/** What a DELETE without a result answers. */
export type Done = { ok: true };
