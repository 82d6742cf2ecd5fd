// npm test: unit/integration tests against a real ZooKeeper, then Playwright in Debian chromium.
import { buildIfStale, prepare, run } from "./prepare.mjs";
import { ensurePrerequisites } from "./prerequisites.mjs";

ensurePrerequisites();
prepare({ databaseUrl: "file:/tmp/zk-console-build.db" });
run("npx vitest run");
buildIfStale({ DATABASE_URL: "file:/tmp/zk-console-build.db" });
run("npx playwright test");
