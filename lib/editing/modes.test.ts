import { describe, expect, it } from "vitest";
import { checkText, detectMode, formatText } from "./modes";
import { compactJson, formatJson } from "./json-mode";
import { formatProperties, parseProperties } from "./properties-mode";

describe("JSON mode", () => {
  it("accepts valid JSON and formats it keeping number literals and key order", () => {
    const text = '{"z":1,"a":[1,2,{"big":12345678901234567890}],"e":{},"s":"x\\"y","n":null}';
    expect(checkText("json", text).error).toBeNull();
    expect(formatJson(text)).toBe('{\n  "z": 1,\n  "a": [\n    1,\n    2,\n    {\n      "big": 12345678901234567890\n    }\n  ],\n  "e": {},\n  "s": "x\\"y",\n  "n": null\n}');
    expect(compactJson(formatJson(text))).toBe(text);
    expect(JSON.parse(formatJson(text).replace("12345678901234567890", "1"))).toMatchObject({ z: 1, n: null });
  });

  it.each([
    ['{\n  "a": 1,\n  "b": 2\n  "c": 3\n}', 4, 3, /^expected ',' or '}', found "c"$/],
    ['{\n  "a": 1,\n}', 3, 1, /trailing comma/],
    ["{\n  a: 1\n}", 2, 3, /double quotes/],
    ["{'a': 1}", 1, 2, /double quotes/],
    ['{"a": "line\nbreak"}', 1, 12, /not closed before the end of the line/],
    ['[1, 2', 1, 6, /text ends here|expected ','/],
    ['{"a": 1} {"b": 2}', 1, 10, /after the end of the JSON value/],
    ['{"a": tru}', 1, 7, /unexpected "tru"/],
    ['"\\x"', 1, 2, /invalid escape/],
    ["", 1, 1, /empty/],
  ])("reports %j at line %i, column %i", (text, line, column, message) => {
    const { error } = checkText("json", text);
    expect(error).toMatchObject({ line, column });
    expect(error!.message).toMatch(message);
    expect(() => JSON.parse(text)).toThrow(); // agrees with the platform parser
  });

  it("refuses to format invalid JSON and says where", () => {
    expect(formatText("json", '{"a":\n\n  }')).toMatchObject({ text: null, problem: { line: 3, column: 3 } });
  });
});

describe("YAML mode", () => {
  it("accepts and formats valid YAML keeping comments", () => {
    const text = "# settings\nserver:\n    port: 8080   # the port\nlist: [1, 2]\n";
    expect(checkText("yaml", text).error).toBeNull();
    const formatted = formatText("yaml", text).text!;
    expect(formatted).toContain("# settings");
    expect(formatted).toContain("  port: 8080 # the port");
  });

  it("reports an error at its line", () => {
    expect(checkText("yaml", "a: 1\nb: [1, 2\nc: 3\n").error).toMatchObject({ line: 3, column: 1 });
    expect(checkText("yaml", "a: 1\n\tb: 2\n").error).toEqual({ line: 2, column: 1, message: "Tabs are not allowed as indentation" });
    expect(checkText("yaml", "a: 1\nb: @x\n").error).toMatchObject({ line: 2, column: 4 });
    const dup = checkText("yaml", "a: 1\na: 2\n").error;
    expect(dup).toMatchObject({ line: 2 });
    expect(dup!.message).toMatch(/unique/i);
  });

  it("handles several documents", () => {
    const text = "a: 1\n---\nb: 2\n";
    expect(checkText("yaml", text).error).toBeNull();
    expect(formatText("yaml", text).text).toBe("a: 1\n---\nb: 2\n");
  });
});

describe("XML mode", () => {
  it("accepts and indents valid XML, keeping comments, CDATA and entities", () => {
    const text = '<?xml version="1.0"?><config env="prod"><!-- db --><db host="x">a &amp; b</db><flag/><raw><![CDATA[1 < 2]]></raw></config>';
    expect(checkText("xml", text).error).toBeNull();
    expect(formatText("xml", text).text).toBe('<?xml version="1.0"?>\n<config env="prod">\n  <!-- db -->\n  <db host="x">a &amp; b</db>\n  <flag/>\n  <raw><![CDATA[1 < 2]]>\n  </raw>\n</config>');
  });

  it("reports a mismatched tag at its line and column", () => {
    const { error } = checkText("xml", "<a>\n  <b>text</c>\n</a>");
    expect(error).toMatchObject({ line: 2, column: 10 });
    expect(error!.message).toMatch(/closing tag/);
    expect(checkText("xml", "").error).toMatchObject({ line: 1, message: expect.stringMatching(/empty/) });
    expect(checkText("xml", "<a>\n<b>\n</a>").error?.line).toBeGreaterThan(1);
  });
});

describe("properties mode", () => {
  const text = "# app\nserver.port = 8080\nlog.level:INFO\nmessage   hello world\nlist = a, \\\n    b, \\\n    c\n\n! end\n";

  it("parses keys and values as java.util.Properties does, continuation lines included", () => {
    const entries = parseProperties(text).filter((e) => e.kind === "entry");
    expect(entries.map((e) => e.kind === "entry" && [e.key, e.value, e.line])).toEqual([
      ["server.port", "8080", 2],
      ["log.level", "INFO", 3],
      ["message", "hello world", 4],
      ["list", "a, b, c", 5],
    ]);
  });

  it("formats separators and keeps comments, blank lines and continuations", () => {
    expect(formatProperties(text)).toBe("# app\nserver.port=8080\nlog.level=INFO\nmessage=hello world\nlist=a, \\\n    b, \\\n    c\n\n! end\n");
  });

  it("reports a malformed unicode escape at its line and warns about duplicate keys", () => {
    expect(checkText("properties", "a=1\nb=caf\\u00e9\nc=\\u12G4\n").error).toMatchObject({ line: 3, column: 3 });
    expect(checkText("properties", "a=\\\\u not an escape\n").error).toBeNull();
    const { error, warnings } = checkText("properties", "a=1\nb=2\na=3\n");
    expect(error).toBeNull();
    expect(warnings).toEqual([{ line: 3, column: 1, message: "the key a is already set on line 1; the last one wins" }]);
  });
});

describe("mode detection", () => {
  it.each([
    [{ isBinary: true, text: null }, "/x", "binary"],
    [{ isBinary: false, text: '{"a":1}' }, "/x", "json"],
    [{ isBinary: false, text: "" }, "/cfg/app.json", "json"],
    [{ isBinary: false, text: "<a><b/></a>" }, "/x", "xml"],
    [{ isBinary: false, text: "server.port=8080\n# c\nlog.level=INFO\n" }, "/x", "properties"],
    [{ isBinary: false, text: "" }, "/application.properties", "properties"],
    [{ isBinary: false, text: "server:\n  port: 8080\n" }, "/x", "yaml"],
    [{ isBinary: false, text: "worker-1" }, "/x", "text"],
    [{ isBinary: false, text: "{not json" }, "/x", "text"],
  ] as const)("%j at %s is %s", (value, path, mode) => {
    expect(detectMode(value, path)).toBe(mode);
  });
});
