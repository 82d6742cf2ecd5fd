import "server-only";
import { ConsoleError, notFound } from "../errors";
import { db } from "../db/client";
import { closeSession, sessionStatus } from "../zk/sessions";
import { clusterInput, clusterPatch } from "./schema";
import type { Cluster } from "../generated/prisma/client";

export type ClusterView = Cluster & { session: ReturnType<typeof sessionStatus> };

const view = (c: Cluster): ClusterView => ({ ...c, session: sessionStatus(c.id) });

export async function listClusters(): Promise<ClusterView[]> {
  return (await db().cluster.findMany({ orderBy: { name: "asc" } })).map(view);
}

export async function getCluster(id: string): Promise<Cluster> {
  const cluster = await db().cluster.findUnique({ where: { id } });
  if (!cluster) throw notFound(`no cluster with id ${JSON.stringify(id)} is registered`);
  return cluster;
}

export async function getClusterView(id: string): Promise<ClusterView> {
  return view(await getCluster(id));
}

async function uniqueName<T>(op: () => Promise<T>, name?: string): Promise<T> {
  try {
    return await op();
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") throw new ConsoleError("CLUSTER_EXISTS", 409, `a cluster named ${JSON.stringify(name)} is already registered`);
    throw e;
  }
}

export async function createCluster(input: unknown): Promise<ClusterView> {
  const data = clusterInput.parse(input);
  return view(await uniqueName(() => db().cluster.create({ data }), data.name));
}

export async function updateCluster(id: string, input: unknown): Promise<ClusterView> {
  const data = clusterPatch.parse(input);
  await getCluster(id);
  const updated = await uniqueName(() => db().cluster.update({ where: { id }, data }), data.name);
  // A changed address or timeout needs a new session; the manager notices on next use too.
  if (data.connectionString || data.sessionTimeoutMs) closeSession(id);
  return view(updated);
}

export async function removeCluster(id: string): Promise<void> {
  await getCluster(id);
  await db().cluster.delete({ where: { id } });
  closeSession(id);
}
