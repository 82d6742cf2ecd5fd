// GET /api/v1/clusters/{id}/events?path=&path= – live changes of those znodes (Server-Sent Events)
import { route } from "@/lib/access/route";
import { openEventStream } from "@/lib/watch";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "znode:read", cluster: "id", path: "?path" }, async ({ req, params, ctx }) =>
  openEventStream({
    ctx,
    clusterId: params.id,
    input: { paths: req.nextUrl.searchParams.getAll("path"), lastEventId: req.headers.get("last-event-id") ?? req.nextUrl.searchParams.get("lastEventId") },
    signal: req.signal,
  }));
