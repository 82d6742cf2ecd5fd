// What a four-letter-word answer says before its content is parsed: refused by the
// whitelist, "not serving" (the member has no quorum), empty, or a real answer.
export type AnswerKind = "ok" | "not-whitelisted" | "not-serving" | "empty";

export const NOT_SERVING = "This ZooKeeper instance is not currently serving requests";

export function classifyAnswer(text: string): AnswerKind {
  const t = text.trim();
  if (!t) return "empty";
  if (/ is not executed because it is not in the whitelist\.?$/.test(t)) return "not-whitelisted";
  if (t.startsWith(NOT_SERVING)) return "not-serving";
  return "ok";
}

/** The operator sentence for words a member refused. */
export function whitelistFix(words: string[]): string {
  return `four-letter words ${words.join(", ")} are not whitelisted on this member; add "4lw.commands.whitelist=*" ` +
    `(or a list such as "4lw.commands.whitelist=ruok,srvr,mntr,conf,cons,wchs,isro,dump") to its zoo.cfg and restart it, ` +
    "or configure the AdminServer port in the cluster settings";
}
