// GET /api/health – for load balancers, no sign-in: instance, version, database up, sampler; 503 with ?require=database when the database is down
import { NextResponse, type NextRequest } from "next/server";
import { errors } from "@/lib/core/errors";
import { getConsoleHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest) {
  const health = await getConsoleHealth();
  // Reads go on from ZooKeeper while the database is down: by default the instance stays in service.
  const refuse = req.nextUrl.searchParams.get("require") === "database" && !health.database.up;
  return NextResponse.json(health, { status: refuse ? errors.databaseUnavailable("the database is down").status : 200, headers: { "Cache-Control": "no-store" } });
}
