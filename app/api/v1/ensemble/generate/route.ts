// POST /api/v1/ensemble/generate – zoo.cfg, myid and systemd unit per member for a deployment (validated)
import { route } from "@/lib/access/route";
import { generateDeployment } from "@/lib/ensemble";

export const POST = route({ permission: "signed-in" }, async ({ body }) => generateDeployment(await body()));
