import { describe, expect, it } from "vitest";
import { bytesOf, payloadOf, sameBytes, switchMode, textOf } from "./draft";

describe("editor drafts", () => {
  const binary = Uint8Array.from([0, 1, 0xfe, 0xff]);

  it("reads values as text or hex", () => {
    expect(textOf(new TextEncoder().encode("héllo"), "json")).toBe("héllo");
    expect(textOf(binary, "text")).toBe("00 01 fe ff");
    expect(textOf(binary, "binary")).toBe("00 01 fe ff");
  });

  it("switches modes keeping the bytes, and refuses non-UTF-8 as text", () => {
    expect(switchMode({ mode: "json", text: "{}" }, "yaml")).toEqual({ draft: { mode: "yaml", text: "{}" }, error: null });
    expect(switchMode({ mode: "text", text: "AB" }, "binary")).toEqual({ draft: { mode: "binary", text: "41 42" }, error: null });
    expect(switchMode({ mode: "binary", text: "41 42" }, "text")).toEqual({ draft: { mode: "text", text: "AB" }, error: null });
    expect(switchMode({ mode: "binary", text: "ff" }, "text").error).toMatch(/not valid UTF-8/);
    expect(switchMode({ mode: "binary", text: "f" }, "text").error).toMatch(/fix the hex first/);
  });

  it("sends text as UTF-8 and anything else as base64, exactly", () => {
    expect(payloadOf(bytesOf({ mode: "json", text: '{"a":"é"}' }).bytes!)).toEqual({ data: '{"a":"é"}', encoding: "utf8" });
    expect(payloadOf(binary)).toEqual({ data: "AAH+/w==", encoding: "base64" });
    expect(payloadOf(new Uint8Array(0))).toEqual({ data: "", encoding: "utf8" });
    expect(sameBytes(bytesOf({ mode: "binary", text: "00 01 fe ff" }).bytes!, binary)).toBe(true);
  });
});
