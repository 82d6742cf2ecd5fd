// Security over real HTTP against the built console: headers and the nonce CSP (and that the app
// still works under it in Chromium while an injected inline script is blocked), session cookie
// attributes, CSRF on every state-changing endpoint including next-auth's, the login rate limit with
// a spoofed X-Forwarded-For, server-side refusal of pages for unknown and disabled users, and
// admin-only cluster controls.
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { apiRoutes, declaredMethods } from "../test/proving/api-routes";
import { ssoLogIn } from "./fixtures/sso-login";
import { ADMIN, logIn } from "./pages/login-page";
import { ZnodeApi, ZnodePage } from "./pages/znode-page";
import { e2eZooKeeper as zk } from "./pages/clusters-page";

const SECRET = "e2e-secret-not-for-production-000000000"; // e2e/serve.mjs
const setCookies = (res: { headersArray(): { name: string; value: string }[] }) => res.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
const cookieValue = (all: string[], name: string) => all.find((c) => c.startsWith(`${name}=`))?.split(";")[0].slice(name.length + 1);

/** Sign in with the password form's endpoint (as the login page does), optionally as if behind a TLS proxy. */
async function passwordLogin(req: APIRequestContext, username: string, password: string, headers: Record<string, string> = {}) {
  const csrf = await req.get("/api/auth/csrf", { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = cookieValue(setCookies(csrf), "next-auth.csrf-token");
  const res = await req.post("/api/auth/callback/credentials", {
    form: { username, password, csrfToken, json: "true" },
    headers: { ...headers, ...(csrfCookie ? { cookie: `next-auth.csrf-token=${csrfCookie}` } : {}) },
    maxRedirects: 0,
  });
  return { res, csrfCookies: setCookies(csrf), cookies: setCookies(res), body: (await res.json().catch(() => ({}))) as { url?: string } };
}

const cookieHeader = async (page: Page) => (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

test.describe.serial("security over HTTP", () => {
  const name = `sec-${Date.now()}`;
  let clusterId = "";

  test("pages carry a nonce CSP without unsafe-inline scripts, on every script tag and new per request; the API a deny-all CSP", async ({ request }) => {
    const first = await request.get("/login");
    const csp = first.headers()["content-security-policy"];
    const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(csp)?.[1];
    expect(nonce, csp).toBeTruthy();
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval");
    for (const d of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "default-src 'self'"]) expect(csp).toContain(d);
    expect(first.headers()).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "same-origin", "x-frame-options": "DENY" });
    const scripts = [...(await first.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const second = await request.get("/login");
    expect(second.headers()["content-security-policy"]).not.toContain(nonce!);

    const api = await request.get("/api/v1/clusters");
    expect(api.status()).toBe(401);
    expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("in Chromium the console signs in, browses and edits under the CSP with no violation; an injected inline script is blocked", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await logIn(page);
    const created = await page.request.post("/api/v1/clusters", { data: { name, connectionString: zk() } });
    expect(created.status()).toBe(201);
    clusterId = (await created.json()).cluster.id;
    const path = `/sec-csp-${Date.now()}`;
    const api = new ZnodeApi(page.request, clusterId);
    await api.create(path, "before");
    const znode = new ZnodePage(page, clusterId);
    await znode.goto("/app/config");
    await expect(page.getByTestId("child-row").first()).toBeVisible();
    await znode.goto(path);
    await znode.openEditor();
    await znode.typeValue("after");
    await znode.review();
    await znode.save();
    await expect.poll(async () => (await api.get(path))?.data.text).toBe("after");
    expect(violations).toEqual([]);

    // Markup injected into a page (what an XSS would do) cannot run script without the nonce.
    await page.route((url) => url.pathname === "/clusters", async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace("</body>", "<script>window.__injected = true</script></body>");
      await route.fulfill({ response, body: html });
    });
    await page.goto("/clusters");
    await expect(page.getByTestId("cluster-row").filter({ hasText: name })).toBeVisible(); // Next.js's own scripts ran
    expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined();
    await expect.poll(() => violations.join("\n")).toMatch(/Content Security Policy.*script-src/);
  });

  test("session cookies are HttpOnly and SameSite=Lax, and Secure when the request came over TLS (X-Forwarded-Proto https)", async ({ baseURL }) => {
    const plain = await playwrightRequest.newContext({ baseURL });
    const direct = await passwordLogin(plain, ADMIN.username, ADMIN.password);
    const session = direct.cookies.find((c) => c.startsWith("next-auth.session-token="));
    expect(session, direct.cookies.join("\n")).toBeTruthy();
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(session).not.toMatch(/;\s*Secure/i);
    const csrf = direct.csrfCookies.find((c) => c.startsWith("next-auth.csrf-token="));
    expect(csrf).toMatch(/;\s*HttpOnly/i);
    await plain.dispose();

    const behindTls = await playwrightRequest.newContext({ baseURL });
    const proxied = await passwordLogin(behindTls, ADMIN.username, ADMIN.password, { "x-forwarded-proto": "https" });
    const secure = proxied.cookies.find((c) => c.startsWith("next-auth.session-token="));
    expect(secure, proxied.cookies.join("\n")).toMatch(/;\s*Secure/i);
    expect(secure).toMatch(/;\s*HttpOnly/i);
    expect(proxied.csrfCookies.find((c) => c.startsWith("next-auth.csrf-token="))).toMatch(/;\s*Secure/i);
    await behindTls.dispose();
  });

  test("every state-changing /api/v1 route refuses a cross-site request from a signed-in admin's browser", async ({ page }) => {
    await logIn(page);
    const targets = apiRoutes().flatMap((r) => declaredMethods(r).filter((m) => m !== "GET").map((m) => ({ m, url: r.template.replace(/\[\w+\]/g, "x") })));
    expect(targets.length).toBeGreaterThan(20);
    for (const { m, url } of targets) {
      const res = await page.request.fetch(url, { method: m, data: {}, headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } });
      expect(res.status(), `${m} ${url}`).toBe(403);
      expect((await res.json()).error.code, `${m} ${url}`).toBe("CSRF_REFUSED");
    }
    const sameSite = await page.request.post("/api/v1/clusters/test", { data: { connectionString: zk() }, headers: { origin: "https://console.example", "sec-fetch-site": "same-site" } });
    expect(sameSite.status()).toBe(403);
  });

  test("next-auth's own POST endpoints refuse requests without its CSRF token (sign-in, SSO start, sign-out)", async ({ page, baseURL }) => {
    const anon = await playwrightRequest.newContext({ baseURL });
    const signIn = await anon.post("/api/auth/callback/credentials", { form: { username: ADMIN.username, password: ADMIN.password, json: "true" }, headers: { origin: "https://evil.example" }, maxRedirects: 0 });
    expect(setCookies(signIn).some((c) => c.startsWith("next-auth.session-token="))).toBe(false);
    const sso = await anon.post("/api/auth/signin/oidc", { form: { callbackUrl: "/clusters", json: "true" }, headers: { origin: "https://evil.example" }, maxRedirects: 0 });
    const ssoTarget = sso.headers().location ?? (await sso.json().catch(() => ({}))).url ?? "";
    expect(ssoTarget).not.toMatch(/^http:\/\/127\.0\.0\.1:\d+\/auth/); // never sent on to the IdP
    expect(ssoTarget).toContain("csrf=true");
    await anon.dispose();

    await logIn(page);
    const out = await page.request.post("/api/auth/signout", { form: { callbackUrl: "/login", json: "true" }, headers: { origin: "https://evil.example", cookie: await cookieHeader(page) }, maxRedirects: 0 });
    expect(setCookies(out).filter((c) => c.startsWith("next-auth.session-token"))).toEqual([]); // not cleared
    expect((await page.request.get("/api/v1/clusters")).status()).toBe(200);
  });

  test("failed password sign-ins are paused after 10 per address, whatever X-Forwarded-For says, and audited with the real address", async ({ page, baseURL }) => {
    const username = `ratelimit-${Date.now()}`;
    const attacker = await playwrightRequest.newContext({ baseURL });
    for (let i = 0; i < 10; i++) {
      const { res, body } = await passwordLogin(attacker, username, "wrong", { "x-forwarded-for": `203.0.113.${i + 1}`, "x-real-ip": `198.51.100.${i + 1}` });
      expect(res.status(), JSON.stringify(body)).toBe(401);
      expect(decodeURIComponent(body.url ?? "")).toContain("CredentialsSignin");
    }
    const paused = await passwordLogin(attacker, username, "wrong", { "x-forwarded-for": "203.0.113.200" });
    expect(decodeURIComponent(paused.body.url ?? "")).toMatch(/Too many failed sign-ins for ratelimit-\d+: wait 5 minutes/);
    await attacker.dispose();

    await logIn(page);
    const failed = (await (await page.request.get(`/api/v1/audit?${new URLSearchParams({ actor: username, operation: "login_failed", limit: "50" })}`)).json()).entries as { sourceIp: string | null }[];
    expect(failed).toHaveLength(10);
    expect(new Set(failed.map((e) => e.sourceIp))).toEqual(new Set(["127.0.0.1"]));
    const limited = (await (await page.request.get(`/api/v1/audit?${new URLSearchParams({ actor: username, operation: "login_rate_limited" })}`)).json()).entries as { sourceIp: string | null }[];
    expect(limited.map((e) => e.sourceIp)).toEqual(["127.0.0.1"]);
  });

  test("a 10 MB body is refused by its size (413) over HTTP, and nothing is created", async ({ page }) => {
    await logIn(page);
    const url = `/api/v1/clusters/${clusterId}/znode?path=${encodeURIComponent("/sec-10mb")}`;
    const res = await page.request.post(url, { data: Buffer.alloc(10 * 1024 * 1024, 0x7b), headers: { "content-type": "application/json" } });
    expect(res.status()).toBe(413);
    expect((await res.json()).error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: expect.stringMatching(/larger than 4194304 bytes/) });
    expect((await page.request.get(url)).status()).toBe(404);
  });

  test("GET znode and children, which server.mjs hands straight to their handlers, answer with the same headers as a route Next.js serves", async ({ page, request }) => {
    await logIn(page);
    // Framing and the per-request id differ by nature; every other header must be the same.
    const PER_RESPONSE = new Set(["date", "content-length", "transfer-encoding", "connection", "keep-alive", "x-request-id"]);
    const headersOf = (res: { headersArray(): { name: string; value: string }[] }) =>
      res.headersArray().filter((h) => !PER_RESPONSE.has(h.name.toLowerCase())).map((h) => `${h.name.toLowerCase()}: ${h.value}`).sort();
    const base = `/api/v1/clusters/${clusterId}`;
    const root = `path=${encodeURIComponent("/")}`;
    // [who, a hot read, the ACL read (served by Next.js) giving the same status]
    const cases = [
      [page.request, `${base}/znode?${root}`, `${base}/acl?${root}`, 200],
      [page.request, `${base}/children?${root}&limit=5`, `${base}/acl?${root}`, 200],
      [request, `${base}/znode?${root}`, `${base}/acl?${root}`, 401],
      [page.request, `${base}/children?path=relative`, `${base}/acl?path=relative`, 400],
      [page.request, `${base}/znode?path=${encodeURIComponent("/sec-no-such-node")}`, `${base}/acl?path=${encodeURIComponent("/sec-no-such-node")}`, 404],
    ] as const;
    for (const [who, hot, served, status] of cases) {
      const [a, b] = [await who.get(hot), await who.get(served)];
      expect([a.status(), b.status()], hot).toEqual([status, status]);
      expect(headersOf(a), hot).toEqual(headersOf(b));
      expect(a.headers()["content-security-policy"]).toContain("default-src 'none'");
    }
  });

  test("pages refuse an unknown user's session on the server (a forged but validly signed cookie)", async ({ request }) => {
    const token = await encode({ token: { uid: "no-such-user", loginAt: Date.now(), sub: "no-such-user" }, secret: SECRET });
    for (const path of ["/clusters", "/admin/users", "/audit", "/ensemble", `/clusters/${clusterId}/znodes`]) {
      const res = await request.get(path, { headers: { cookie: `next-auth.session-token=${token}` }, maxRedirects: 0 });
      expect(res.status(), path).toBe(307);
      expect(res.headers().location, path).toMatch(/^\/login\?error=SessionEnded/);
    }
    const login = await request.get("/login", { headers: { cookie: `next-auth.session-token=${token}` }, maxRedirects: 0 });
    expect(login.status()).toBe(200);
  });

  test("a viewer sees no Edit/Remove/Add cluster controls and no webhook URL; a disabled user's pages are refused on the server", async ({ page, browser }) => {
    await logIn(page);
    expect((await page.request.patch(`/api/v1/clusters/${clusterId}`, { data: { webhookUrl: "https://hooks.example.test/T0/secret-token" } })).status()).toBe(200);
    await page.goto("/clusters");
    const adminRow = page.getByTestId("cluster-row").filter({ hasText: name });
    await expect(adminRow.getByRole("button", { name: "Edit" })).toBeVisible();
    await expect(adminRow.getByRole("button", { name: "Remove" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Add cluster" })).toBeVisible();

    const dora = await browser.newPage();
    await ssoLogIn(dora, "dora");
    const row = dora.getByTestId("cluster-row").filter({ hasText: name });
    await expect(row.getByRole("link", { name: "Browse" })).toBeVisible();
    await expect(row.getByRole("button")).toHaveCount(0);
    await expect(dora.getByRole("heading", { name: "Add cluster" })).toHaveCount(0);
    const listed = await (await dora.request.get("/api/v1/clusters")).text();
    expect(listed).toContain(name);
    expect(listed).not.toContain("secret-token");

    const cookie = await cookieHeader(dora);
    expect((await page.request.get("/clusters", { headers: { cookie }, maxRedirects: 0 })).status()).toBe(200);
    const users = (await (await page.request.get("/api/v1/admin/users")).json()).users as { id: string; username: string }[];
    const id = users.find((u) => u.username === "dora")!.id;
    expect((await page.request.patch(`/api/v1/admin/users/${id}`, { data: { disabled: true } })).status()).toBe(200);
    try {
      for (const path of ["/clusters", `/clusters/${clusterId}/znodes/app`, "/ensemble"]) {
        const res = await page.request.get(path, { headers: { cookie }, maxRedirects: 0 });
        expect(res.status(), path).toBe(307);
        expect(res.headers().location).toMatch(/^\/login\?error=SessionEnded/);
      }
      await dora.goto("/clusters");
      await expect(dora).toHaveURL(/\/login\?error=SessionEnded/);
      await expect(dora.getByTestId("login-problem")).toContainText("Signed out");
    } finally {
      await page.request.patch(`/api/v1/admin/users/${id}`, { data: { disabled: false } });
      await dora.close();
    }
  });
});
