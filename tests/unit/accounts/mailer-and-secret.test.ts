import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { sendMail } from "@/lib/auth/mailer";
import { authSecret } from "@/lib/auth/secret";
import { verifiedToken } from "@/lib/auth/session";
import { createHmac } from "node:crypto";

const directory = mkdtempSync(path.join(os.tmpdir(), "keystone-mail-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const mail = { to: "ada@example.com", subject: "Reset your Keystone password", text: "Open https://keystone.example/reset?token=abc" };

describe("mail transports", () => {
  it("writes the message to the server log by default", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await sendMail(mail, {});
    expect(log).toHaveBeenCalledWith("[mail] to ada@example.com: Reset your Keystone password\nOpen https://keystone.example/reset?token=abc");
    log.mockRestore();
  });

  it("appends JSON lines to a file with file:PATH", async () => {
    const file = path.join(directory, "mail.jsonl");
    await sendMail(mail, { MAIL_TRANSPORT: `file:${file}` });
    await sendMail({ ...mail, to: "bob@example.com" }, { MAIL_TRANSPORT: `file:${file}` });
    expect(readFileSync(file, "utf8").trim().split("\n").map((line) => (JSON.parse(line) as { to: string }).to)).toEqual(["ada@example.com", "bob@example.com"]);
  });

  it("delivers through an SMTP server given as a URL", async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, callback) {
        let data = "";
        stream.on("data", (chunk: Buffer) => (data += chunk.toString()));
        stream.on("end", () => {
          received.push(data);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.server.address() as { port: number };
    try {
      await sendMail(mail, { MAIL_TRANSPORT: `smtp://127.0.0.1:${port}?ignoreTLS=true`, MAIL_FROM: "Keystone <no-reply@keystone.example>" });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect(received).toHaveLength(1);
    expect(received[0]).toContain("Subject: Reset your Keystone password");
    expect(received[0]).toContain("From: Keystone <no-reply@keystone.example>");
    expect(received[0]).toContain("https://keystone.example/reset?token=abc");
  });

  it("refuses a transport it does not know, naming the ones it does", async () => {
    await expect(sendMail(mail, { MAIL_TRANSPORT: "carrier-pigeon" })).rejects.toThrow('MAIL_TRANSPORT must be "log", file:PATH or an smtp:// URL, not "carrier-pigeon"');
  });
});

describe("the signing secret and the session cookie", () => {
  it("uses BETTER_AUTH_SECRET when set, refusing a short one", () => {
    expect(authSecret({ BETTER_AUTH_SECRET: "x".repeat(32) }, path.join(directory, "unused"))).toBe("x".repeat(32));
    expect(() => authSecret({ BETTER_AUTH_SECRET: "short" }, path.join(directory, "unused"))).toThrow("at least 32 characters");
  });

  it("otherwise makes one once, readable only by its owner, and keeps it", () => {
    const file = path.join(directory, "secret");
    const first = authSecret({}, file);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authSecret({}, file)).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("accepts a cookie signed with the secret (as better-auth signs it) and nothing else", () => {
    const key = "k".repeat(32);
    const token = "B4n4oQLzay0jPdz9Y13pgv6eiFwYCUH8";
    const signature = createHmac("sha256", key).update(token).digest("base64");
    expect(verifiedToken(encodeURIComponent(`${token}.${signature}`), key)).toBe(token);
    expect(verifiedToken(encodeURIComponent(`${token}x.${signature}`), key)).toBeUndefined();
    expect(verifiedToken(encodeURIComponent(`${token}.${signature}`), "other".repeat(8))).toBeUndefined();
    expect(verifiedToken(token, key)).toBeUndefined();
    expect(verifiedToken("%E0%A4%A", key)).toBeUndefined();
  });
});
