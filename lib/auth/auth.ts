/**
 * Accounts and sessions, through better-auth on the platform's Prisma client.
 *
 * Why better-auth and not Auth.js: the platform signs people in with an email
 * and a password, and better-auth does that whole flow itself (sign-up,
 * sign-in, change and reset password, scrypt hashing, sessions in the
 * database, origin checks, a rate limiter kept in the database), where
 * Auth.js leaves credentials, hashing, password reset and rate limiting to the
 * application and steers credentials towards stateless JWT sessions.
 *
 * What this sets:
 *  - passwords: scrypt (N=16384, r=16: 32 MiB per hash, memory-hard), 10 to 128 characters;
 *  - sessions: rows in the Session table, the token in an httpOnly SameSite=Lax
 *    cookie (Secure over https); 30 days, refreshed daily; a reset signs out everywhere;
 *  - CSRF: every state-changing call must come from the platform's own origin;
 *  - rate limits, counted in the database so all instances share them.
 */
import { APIError, betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { createAuthMiddleware } from "better-auth/api";
import { db } from "@/lib/db/client";
import { databaseProvider } from "@/lib/db/url";
import { consume } from "@/lib/http/rate-limit";
import { deleteAccountData } from "@/lib/progress/account-data";
import { PASSWORD_MAX, PASSWORD_MIN } from "./limits";
import { sendMail } from "./mailer";
import { authSecret } from "./secret";

export const roles = ["learner", "instructor"] as const;
export type Role = (typeof roles)[number];

/**
 * Requests allowed per client address: sign-ins per minute, sign-ups per 10
 * minutes, reset requests per 5 minutes. A class signs up together from one
 * school network, so the per-address limits are generous; the one that stops
 * password guessing is per account (whatever the address): 10 sign-ins per
 * 15 minutes.
 */
export const AUTH_LIMITS = { signIn: 60, signUp: 60, reset: 5, signInPerAccount: 10 } as const;

function createAuth() {
  return betterAuth({
    appName: "Keystone",
    secret: authSecret(),
    basePath: "/api/auth",
    database: prismaAdapter(db(), { provider: databaseProvider() }),
    telemetry: { enabled: false },
    // CSRF: a state-changing request must carry the Origin of the host it was sent to (or of
    // BETTER_AUTH_URL). Derived per request because one build serves localhost, 127.0.0.1 and
    // the real host alike; a page on another site sends its own Origin and is refused.
    trustedOrigins: (request) => {
      const host = request?.headers.get("x-forwarded-host") ?? request?.headers.get("host");
      return [process.env.BETTER_AUTH_URL, host ? `http://${host}` : undefined, host ? `https://${host}` : undefined];
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      autoSignIn: true,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      async sendResetPassword({ user, url }) {
        await sendMail({
          to: user.email,
          subject: "Reset your Keystone password",
          text: `Someone (we hope you) asked to reset the password of ${user.email}.\nOpen this link within an hour to choose a new one:\n\n${url}\n\nIf it was not you, ignore this message: your password stays as it is.`,
        });
      },
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "learner", input: false },
      },
      deleteUser: {
        enabled: true,
        // Feedback reports keep no foreign key (a report outlives a lost account), so they go here; the schema's cascades take the rest.
        async beforeDelete(user) {
          await deleteAccountData(user.id, { keepUserRow: true });
        },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: AUTH_LIMITS.signIn },
        "/sign-up/email": { window: 600, max: AUTH_LIMITS.signUp },
        "/request-password-reset": { window: 300, max: AUTH_LIMITS.reset },
        "/get-session": false,
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = typeof ctx.body?.email === "string" ? ctx.body.email.trim().toLowerCase() : "";
        if (!email) return;
        const decision = await consume(`sign-in-account|${email}`, { max: AUTH_LIMITS.signInPerAccount, windowSeconds: 15 * 60 });
        if (!decision.allowed) throw new APIError("TOO_MANY_REQUESTS", { message: `Too many sign-in attempts for this account. Try again in ${Math.ceil(decision.retryAfterSeconds / 60)} minutes, or reset the password.` });
      }),
    },
    advanced: {
      cookiePrefix: "keystone",
      defaultCookieAttributes: { sameSite: "lax", httpOnly: true },
    },
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { keystoneAuth?: Auth };

/** The one better-auth instance of this process (created on first use, so a build never opens the database). */
export function auth(): Auth {
  globalForAuth.keystoneAuth ??= createAuth();
  return globalForAuth.keystoneAuth;
}
