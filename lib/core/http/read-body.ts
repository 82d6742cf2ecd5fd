// Request bodies are read as a stream with a byte budget: an oversized body is refused by its
// declared length before a byte is read, or as soon as the budget is spent (chunked uploads),
// never buffered whole. Valid UTF-8 and bounded nesting are checked before JSON.parse.
import { errors } from "../errors";

export const MAX_BODY_BYTES = 4 * 1024 * 1024;
export const MAX_JSON_DEPTH = 64;

const tooLarge = errors.bodyTooLarge;

async function readBytes(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The deepest nesting of arrays/objects in JSON text (strings skipped), stopping past `limit`. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/** The body as JSON ({} when empty), or a 400/413 naming the broken rule. */
export async function readJson(req: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const bytes = await readBytes(req, maxBytes);
  if (bytes.length === 0) return {};
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw errors.bodyNotUtf8();
  }
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw errors.bodyTooDeep(MAX_JSON_DEPTH);
  try {
    return JSON.parse(text);
  } catch {
    throw errors.bodyNotJson();
  }
}
