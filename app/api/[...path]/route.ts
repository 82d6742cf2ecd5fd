// ANY /api/* that no route serves – a JSON 401 without a session, a JSON 404 naming the path with one (never an HTML page)
import { route } from "@/lib/access/route";
import { errors } from "@/lib/core/errors";

const noSuchRoute = route<{ path: string[] }>({ permission: "signed-in" }, async ({ req }) => {
  throw errors.noSuchApiRoute(req.method, req.nextUrl.pathname);
});

export { noSuchRoute as GET, noSuchRoute as POST, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
