// Builds the request context with the access layer's cluster-session accessor (read check first).
import "server-only";
import { createRequestCtx, type RequestCtx, type RequestCtxInput } from "@/lib/core/context";
import { sessionFor } from "./cluster-session";

export const requestCtx = (input: RequestCtxInput): RequestCtx => createRequestCtx(input, sessionFor);
