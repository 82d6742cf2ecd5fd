// What the tests need from the machine: Java + ZooKeeper and Debian's chromium.
// Installs them with apt when running as root, otherwise prints the exact command.
import { execSync, spawnSync } from "node:child_process";
import fs from "node:fs";

const has = {
  java: () => !spawnSync("java", ["-version"]).error,
  zookeeper: () => fs.existsSync("/usr/share/java") && fs.readdirSync("/usr/share/java").some((f) => /^zookeeper.*\.jar$/.test(f)),
  chromium: () => fs.existsSync("/usr/bin/chromium"),
};
const packages = { java: "openjdk-17-jre-headless", zookeeper: "zookeeper", chromium: "chromium" };

export function ensurePrerequisites() {
  const missing = Object.keys(has).filter((k) => !has[k]()).map((k) => packages[k]);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(" ")}`;
  if (process.getuid?.() !== 0) {
    console.error(`[test] missing: ${missing.join(", ")}. Install with:\n  sudo ${command}`);
    process.exit(1);
  }
  console.log(`[test] installing ${missing.join(", ")}…`);
  execSync(command, { stdio: "inherit", shell: "/bin/bash", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}
