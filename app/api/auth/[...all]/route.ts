import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";

// Made on the first request, not at import, so that a build never opens the database.
let handlers: ReturnType<typeof toNextJsHandler> | undefined;
const handler = () => (handlers ??= toNextJsHandler(auth()));

/** better-auth's endpoints: sign-up, sign-in, sign-out, password change and reset, session, account deletion. */
export async function GET(request: Request) {
  return handler().GET(request);
}

export async function POST(request: Request) {
  return handler().POST(request);
}
