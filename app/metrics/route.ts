// GET /metrics – Prometheus text format: the console's own series (zkconsole_) and every member's latest health sample (zookeeper_)
import { route } from "@/lib/access/route";
import { renderMetrics } from "@/lib/metrics";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "metrics" }, async ({ ctx }) => {
  const { contentType, body } = await renderMetrics({ ctx });
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
});
