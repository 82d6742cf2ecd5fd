// One schema source, two databases: prisma/postgresql/schema.prisma must be the one derived from
// prisma/schema.prisma, and each database's committed migrations, replayed into an empty database
// of its kind, must give exactly its schema. The fix for any failure here: npm run db:migration -- <name>.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { missingMigrationSql } from "../../scripts/migrations";
import { derivePostgresSchema, POSTGRES_SCHEMA, postgresSchemaIsCurrent, ROOT } from "../../scripts/postgresql-schema";
import { suitePostgres } from "../support/postgres";

describe("the SQLite and PostgreSQL schemas and migrations", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zkc-drift-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const emptyPostgres = (name: string) => suitePostgres().createDatabase(`${name}_${process.pid}`);

  it("prisma/postgresql/schema.prisma is derived from prisma/schema.prisma", () => {
    expect(postgresSchemaIsCurrent(ROOT), `${POSTGRES_SCHEMA} is stale: run npm run db:migration -- <name>`).toBe(true);
  });

  it("the SQLite migrations give prisma/schema.prisma", () => {
    expect(missingMigrationSql(ROOT, "sqlite", `file:${path.join(dir, "sqlite.db")}`)).toBe("");
  });

  it("the PostgreSQL migrations give prisma/postgresql/schema.prisma", async () => {
    expect(missingMigrationSql(ROOT, "postgresql", await emptyPostgres("drift"))).toBe("");
  });

  it("a model added without its migration is reported, with the SQL that is missing", async () => {
    const changed = path.join(dir, "changed.prisma");
    fs.writeFileSync(changed, `${fs.readFileSync(path.join(ROOT, POSTGRES_SCHEMA), "utf8")}\nmodel DriftProbe {\n  id String @id\n}\n`);
    expect(missingMigrationSql(ROOT, "postgresql", await emptyPostgres("drift_probe"), changed)).toMatch(/CREATE TABLE "DriftProbe"/);
    expect(derivePostgresSchema("datasource db {\n  provider = \"sqlite\"\n}\ngenerator client {\n  output     = \"../lib/core/db/generated/prisma\"\n}\n")).toMatch(/provider = "postgresql"[\s\S]*generated\/postgresql/);
  });
});
