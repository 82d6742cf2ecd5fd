// Test helpers: real users in the database and real next-auth session cookies, so tests call the
// route handlers exactly as a browser would (no mocked session).
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { db } from "../../lib/core/db/client";
import type { GlobalRole, Role } from "../../lib/access/roles";

export const TEST_SECRET = "vitest-nextauth-secret-0123456789abcdef";
export const TEST_ORIGIN = "http://console.test";

export async function makeUser(role: GlobalRole, opts: { name?: string; groups?: string[]; provider?: string } = {}) {
  const username = `${opts.name ?? role}-${randomUUID().slice(0, 8)}`;
  return db().user.create({ data: { username, name: username, role, provider: opts.provider ?? "credentials", groups: JSON.stringify(opts.groups ?? []) } });
}

export async function grant(subject: { userId?: string; group?: string }, role: Role, scope: { clusterId?: string; pathPrefix?: string } = {}) {
  return db().grant.create({ data: { subjectType: subject.group ? "group" : "user", subject: subject.group ?? subject.userId!, role, clusterId: scope.clusterId ?? null, pathPrefix: scope.pathPrefix ?? null } });
}

export async function sessionCookie(userId: string, loginAt = Date.now()): Promise<string> {
  process.env.NEXTAUTH_SECRET ??= TEST_SECRET;
  const token = await encode({ token: { uid: userId, loginAt, sub: userId }, secret: process.env.NEXTAUTH_SECRET });
  return `next-auth.session-token=${token}`;
}

type CallOptions = { userId?: string; body?: unknown; headers?: Record<string, string> };

/** Call a route handler with a real request: JSON body, session cookie, same-origin browser headers. */
export async function callRoute<P>(handler: (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>, method: string, path: string, params: P, opts: CallOptions = {}) {
  // A header given as "" is left out (to act as a non-browser client).
  const headers: Record<string, string> = Object.fromEntries(Object.entries({ accept: "application/json", "sec-fetch-site": "same-origin", ...(method === "GET" ? {} : { origin: TEST_ORIGIN }), ...opts.headers }).filter(([, v]) => v !== ""));
  if (opts.userId) headers.cookie = await sessionCookie(opts.userId);
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const req = new NextRequest(new URL(path, TEST_ORIGIN), { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, json: json as Record<string, any>, headers: res.headers };
}

/** The roles every permission test walks: no grant, global viewer, editor only under a path prefix, global editor, admin. */
export type Who = "none" | "viewer" | "prefixEditor" | "editor" | "admin";
export const WHO: Who[] = ["none", "viewer", "prefixEditor", "editor", "admin"];

/** One user per role; the prefix editor may edit only below `prefix` on `clusterId`. */
export async function makeRoleUsers(clusterId: string, prefix = "/other"): Promise<Record<Who, string>> {
  const prefixEditor = (await makeUser("none", { name: "prefix-editor" })).id;
  await grant({ userId: prefixEditor }, "editor", { clusterId, pathPrefix: prefix });
  return {
    none: (await makeUser("none")).id,
    viewer: (await makeUser("viewer")).id,
    prefixEditor,
    editor: (await makeUser("editor")).id,
    admin: (await makeUser("admin")).id,
  };
}
