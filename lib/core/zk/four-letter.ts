import net from "node:net";

/** Send a four-letter word to a member and return its answer (empty on refusal).
 * The answer is capped at `maxBytes` (a `cons`/`dump` of a busy member can be large). */
export function fourLetterWord(host: string, port: number, word: string, timeoutMs = 2000, maxBytes = 8 * 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const chunks: Buffer[] = [];
    let size = 0;
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`${word} to ${host}:${port} timed out after ${timeoutMs} ms`)));
    socket.on("connect", () => socket.write(word));
    socket.on("data", (c: Buffer) => {
      size += c.length;
      if (size > maxBytes) socket.destroy(new Error(`${word} from ${host}:${port} is larger than ${maxBytes} bytes`));
      else chunks.push(c);
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}
