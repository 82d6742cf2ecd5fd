// What a four-letter-word answer says before its content is parsed: refused by the
// whitelist, "not serving" (the member has no quorum), empty, or a real answer.
// A word's answer must also look like ZooKeeper's: something else listening on the port (an HTTP
// server answers "srvr" with "HTTP/1.1 400 Bad Request") is "foreign", never a healthy member.
export type AnswerKind = "ok" | "not-whitelisted" | "not-serving" | "empty" | "foreign";

export const NOT_SERVING = "This ZooKeeper instance is not currently serving requests";

/** What ZooKeeper's answer to each word starts with (or is); words not listed are taken as they come. */
const ZOOKEEPER_ANSWER: Record<string, RegExp> = {
  ruok: /^imok$/,
  srvr: /^Zookeeper version: /,
  stat: /^Zookeeper version: /,
  mntr: /^zk_version\t/,
  conf: /^[A-Za-z.]+=/,
  wchs: /^\d+ connections watching \d+ paths/,
  isro: /^(ro|rw|null)$/,
};

export function classifyAnswer(text: string, word?: string): AnswerKind {
  const t = text.trim();
  if (!t) return "empty";
  if (/ is not executed because it is not in the whitelist\.?$/.test(t)) return "not-whitelisted";
  if (t.startsWith(NOT_SERVING)) return "not-serving";
  const shape = word ? ZOOKEEPER_ANSWER[word] : undefined;
  if (shape && !shape.test(t)) return "foreign";
  return "ok";
}

/** The start of a foreign answer, printable, for the operator. */
export function answerSample(text: string): string {
  const line = text.trim().split(/\r?\n/)[0].replace(/[^\x20-\x7e]/g, "?");
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

/** The operator sentence for words a member refused. */
export function whitelistFix(words: string[]): string {
  return `four-letter words ${words.join(", ")} are not whitelisted on this member; add "4lw.commands.whitelist=*" ` +
    `(or a list such as "4lw.commands.whitelist=ruok,srvr,mntr,conf,cons,wchs,isro,dump") to its zoo.cfg and restart it, ` +
    "or configure the AdminServer port in the cluster settings";
}
