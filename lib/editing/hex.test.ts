import { describe, expect, it } from "vitest";
import { hexDump, parseHex, toHex } from "./hex";
import { base64ToBytes, bytesToBase64, decodeUtf8, formatBytes, utf8Length } from "./bytes";

const bytes = Uint8Array.from([0x00, 0x01, 0x7b, 0x22, 0x61, 0xfe, 0xff, 0x7f, 0x10, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x0a]);

describe("hex views", () => {
  it("dumps offsets, two groups of eight bytes and printable ASCII", () => {
    expect(hexDump(bytes).split("\n")).toEqual([
      '00000000  00 01 7b 22 61 fe ff 7f  10 41 42 43 44 45 46 47  |..{"a....ABCDEFG|',
      "00000010  48 0a                                             |H.|",
    ]);
    expect(hexDump(new Uint8Array(100), 32).split("\n")).toHaveLength(2);
  });

  it("round-trips bytes through editable hex", () => {
    expect(toHex(bytes)).toBe("00 01 7b 22 61 fe ff 7f 10 41 42 43 44 45 46 47\n48 0a");
    expect(parseHex(toHex(bytes)).bytes).toEqual(bytes);
    expect(parseHex("").bytes).toEqual(new Uint8Array(0));
    expect(parseHex("DEADbeef 0x01\n  0a  ").bytes).toEqual(Uint8Array.from([0xde, 0xad, 0xbe, 0xef, 0x01, 0x0a]));
  });

  it("reports bad hex at its line and column", () => {
    expect(parseHex("00 01\n02 zz").problem).toEqual({ line: 2, column: 4, message: '"z" is not a hex digit' });
    expect(parseHex("00 abc").problem).toMatchObject({ line: 1, column: 4, message: expect.stringMatching(/odd number/) });
  });
});

describe("bytes", () => {
  it("converts base64 and UTF-8 without Buffer", () => {
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    const large = new Uint8Array(200_000).map((_, i) => i % 256);
    expect(Buffer.from(base64ToBytes(bytesToBase64(large))).equals(Buffer.from(large))).toBe(true);
    expect(utf8Length("é€")).toBe(5);
    expect(decodeUtf8(Uint8Array.from([0xc3, 0xa9]))).toBe("é");
    expect(decodeUtf8(Uint8Array.from([0xff]))).toBeNull();
    expect([formatBytes(512), formatBytes(1024 * 1024), formatBytes(1536)]).toEqual(["512 B", "1 MiB", "1.5 KiB"]);
  });
});
