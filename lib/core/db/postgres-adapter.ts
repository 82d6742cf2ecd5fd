// The PostgreSQL driver adapter (node-postgres under Prisma's JavaScript engine), with two repairs.
// - Prisma 6.19's schema engine reads the system catalogs through the adapter, whose column types
//   stop at the catalogs' `name`/`char` columns ("Column type 'name' could not be deserialized",
//   prisma/orm#27403): `migrate deploy` and `migrate diff` failed on every PostgreSQL database.
//   Those columns are text; the client below says so before the adapter looks.
// - The adapter makes its shadow database by spreading the pool's configuration with another
//   `database`, which a `connectionString` silently overrides: `migrate diff --from-migrations`
//   ran every migration in the real database. The URL is therefore given as separate fields.
//   It also dropped the shadow database while its own pool was still connected (refused): the pool
//   is now ended first.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";
import { PrismaPg } from "@prisma/adapter-pg";

/** Catalog types that are text to anyone reading them: name, "char", and name[] / "char"[]. */
const AS_TEXT = new Map([[19, 25], [18, 25], [1003, 1009], [1002, 1009]]);

type Result = { fields?: { dataTypeID: number }[] } | undefined;
const asText = <R extends Result>(r: R): R => {
  for (const f of r?.fields ?? []) f.dataTypeID = AS_TEXT.get(f.dataTypeID) ?? f.dataTypeID;
  return r;
};

class CatalogTextClient extends pg.Client {
  // pg.Pool calls query with a callback; the adapter awaits the promise: both are covered.
  query(...args: unknown[]): never {
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const cb = args[last] as (err: Error | null, r: Result) => void;
      args[last] = (err: Error | null, r: Result) => cb(err, asText(r));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    return (out instanceof Promise ? out.then(asText) : out) as never;
  }
}

export type PostgresPoolOptions = Pick<pg.PoolConfig, "max" | "connectionTimeoutMillis" | "idleTimeoutMillis" | "application_name">;

/** Pool settings of a database URL (postgresql://user:password@host:port/database?…). */
export function postgresPoolConfig(url: string, options: PostgresPoolOptions = {}): pg.PoolConfig {
  const { ssl, ...fields } = parseIntoClientConfig(url);
  return { ...fields, ...(ssl ? { ssl } : {}), ...options, Client: CatalogTextClient as unknown as typeof pg.Client };
}

class PostgresAdapterFactory extends PrismaPg {
  constructor(private readonly poolConfig: pg.PoolConfig) {
    super(poolConfig);
  }

  async connectToShadowDb(): Promise<Awaited<ReturnType<PrismaPg["connectToShadowDb"]>>> {
    const admin = new pg.Pool({ ...this.poolConfig, max: 1 });
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await admin.query(`CREATE DATABASE "${database}"`);
    const shadow = new PrismaPg({ ...this.poolConfig, database });
    const adapter = await shadow.connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${database}"`).finally(() => admin.end());
    };
    return adapter;
  }
}

export function postgresAdapter(url: string, options?: PostgresPoolOptions): PrismaPg {
  return new PostgresAdapterFactory(postgresPoolConfig(url, options));
}
