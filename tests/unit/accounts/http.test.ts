import { describe, expect, it } from "vitest";
import { loneSurrogatePath, readBodyText } from "@/lib/http/body";
import { isCrossSite } from "@/lib/http/same-origin";

function streamed(chunks: string[], headers: Record<string, string> = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks.length) return controller.close();
      controller.enqueue(new TextEncoder().encode(chunks[pulled++]!));
    },
  }, { highWaterMark: 0 });
  return { request: new Request("http://localhost/x", { method: "POST", body, headers, duplex: "half" } as RequestInit), pulled: () => pulled };
}

describe("reading a request body within a limit", () => {
  it("refuses a declared length over the limit without reading a byte", async () => {
    const { request, pulled } = streamed(["x".repeat(10)], { "content-length": "5000000" });
    expect(await readBodyText(request, 1024)).toEqual({ ok: false, status: 413, message: "The request body is larger than 1024 bytes." });
    expect(pulled()).toBe(0);
  });

  it("stops reading a streamed body as soon as it passes the limit", async () => {
    const { request, pulled } = streamed(Array.from({ length: 100 }, () => "y".repeat(400)));
    expect(await readBodyText(request, 1000)).toMatchObject({ ok: false, status: 413 });
    expect(pulled()).toBeLessThan(10);
  });

  it("returns the text of a body within the limit, and refuses bytes that are not UTF-8", async () => {
    expect(await readBodyText(new Request("http://localhost/x", { method: "POST", body: "héllo" }), 100)).toEqual({ ok: true, text: "héllo" });
    expect(await readBodyText(new Request("http://localhost/x", { method: "POST", body: new Uint8Array([0x68, 0xff, 0x69]) }), 100)).toEqual({ ok: false, status: 400, message: "The request body is not valid UTF-8." });
  });

  it("finds lone surrogates where JSON hides them, and passes real pairs", () => {
    expect(loneSurrogatePath(JSON.parse('{"a":{"b":["ok","\\ud800"]}}'))).toBe("a.b.1");
    expect(loneSurrogatePath(JSON.parse('{"\\udc00":1}'))).toBe("(body)");
    expect(loneSurrogatePath(JSON.parse('{"emoji":"\\ud83d\\ude00"}'))).toBeUndefined();
  });
});

describe("the same-origin check", () => {
  const request = (headers: Record<string, string>) => new Request("http://localhost:3000/api/x", { method: "POST", headers });
  it.each([
    ["a browser's same-origin post", { host: "localhost:3000", origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }, false],
    ["a client that is not a browser (no Origin, no Sec-Fetch-Site)", { host: "localhost:3000" }, false],
    ["a post from another site", { host: "localhost:3000", origin: "https://evil.example" }, true],
    ["a post marked cross-site", { host: "localhost:3000", "sec-fetch-site": "cross-site" }, true],
    ["a sibling subdomain", { host: "app.example.com", origin: "https://evil.example.com", "sec-fetch-site": "same-site" }, true],
    ["an opaque origin (sandboxed frame, data: URL)", { host: "localhost:3000", origin: "null" }, true],
    ["the host seen through a proxy", { host: "10.0.0.5:3000", "x-forwarded-host": "keystone.example", origin: "https://keystone.example" }, false],
  ])("%s", (_name, headers, crossSite) => {
    expect(isCrossSite(request(headers))).toBe(crossSite);
  });
});
