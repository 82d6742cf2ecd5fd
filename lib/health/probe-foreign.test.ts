// A registered "member" that is not ZooKeeper (an HTTP server on the client port) must not look
// healthy: its answers to the four-letter words are checked for ZooKeeper's shape. Every real answer
// captured from ZooKeeper 3.8 (fixtures/) still passes.
import fs from "node:fs";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyAnswer } from "./four-letter-answer";
import { inspectEnsemble } from "./inspect-ensemble";
import { probeMember } from "./probe-member";

const fixtures = path.join(__dirname, "fixtures");

describe("answers that are not ZooKeeper's", () => {
  const web = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end("imok"));
  const chatty = net.createServer((s) => s.end("imok\nZookeeper version: 3.8.0\nzk_version\t3.8\n")); // answers the same to every word
  let webPort = 0;
  let chattyPort = 0;
  beforeAll(async () => {
    await new Promise<void>((r) => web.listen(0, "127.0.0.1", r));
    await new Promise<void>((r) => chatty.listen(0, "127.0.0.1", r));
    webPort = (web.address() as AddressInfo).port;
    chattyPort = (chatty.address() as AddressInfo).port;
  });
  afterAll(() => { web.close(); chatty.close(); });

  it("accepts every captured ZooKeeper answer for its word", () => {
    for (const file of fs.readdirSync(fixtures).filter((f) => /-(ruok|srvr|stat|mntr|conf|wchs|isro)\.txt$/.test(f))) {
      const word = /-(\w+)\.txt$/.exec(file)![1];
      expect([file, classifyAnswer(fs.readFileSync(path.join(fixtures, file), "utf8"), word)]).not.toEqual([file, "foreign"]);
    }
  });

  it("reports an HTTP server on the client port as down, saying what answered", async () => {
    const probe = await probeMember({ host: "127.0.0.1", clientPort: webPort });
    expect(probe).toMatchObject({ state: "down", mode: null, version: null, error: expect.stringMatching(/but not as ZooKeeper \(srvr: "HTTP\/1\.1 400 Bad Request"\)/) });
    const view = await inspectEnsemble({ connectionString: `127.0.0.1:${webPort}`, adminServerPort: null });
    expect(view.members[0].state).toBe("down");
    expect(view.quorum.status).not.toBe("ok");
  });

  it("does not take one canned answer to every word for a member", async () => {
    const probe = await probeMember({ host: "127.0.0.1", clientPort: chattyPort });
    expect(probe.state).toBe("down");
    expect(probe.error).toMatch(/not as ZooKeeper/);
  });
});
