import { appendFileSync } from "node:fs";
import nodemailer from "nodemailer";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends the platform's mail (password reset links). MAIL_TRANSPORT picks how:
 * unset or "log" writes the message to the server log (development, and the
 * operator copies the link from there); "file:PATH" appends each message to
 * PATH as a JSON line (the browser tests read links from it); an smtp:// or
 * smtps:// URL sends it through that server (nodemailer), from MAIL_FROM.
 */
export async function sendMail(mail: Mail, env: Readonly<Record<string, string | undefined>> = process.env): Promise<void> {
  const transport = env.MAIL_TRANSPORT ?? "log";
  if (transport === "log") {
    console.log(`[mail] to ${mail.to}: ${mail.subject}\n${mail.text}`);
    return;
  }
  if (transport.startsWith("file:")) {
    appendFileSync(transport.slice("file:".length), JSON.stringify({ ...mail, at: new Date().toISOString() }) + "\n");
    return;
  }
  if (!/^smtps?:\/\//.test(transport)) throw new Error(`MAIL_TRANSPORT must be "log", file:PATH or an smtp:// URL, not ${JSON.stringify(transport)}`);
  await nodemailer.createTransport(transport).sendMail({ from: env.MAIL_FROM ?? "Keystone <no-reply@localhost>", to: mail.to, subject: mail.subject, text: mail.text });
}
