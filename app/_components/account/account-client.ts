/**
 * Who is signed in, as the browser learns it from better-auth's session
 * endpoint (the cookie itself is httpOnly). Asked once per page load; every
 * sign-in and sign-out reloads the page.
 */
export interface Account {
  id: string;
  name: string;
  email: string;
  role: "learner" | "instructor";
}

let asking: Promise<Account | null> | undefined;

export function currentAccount(): Promise<Account | null> {
  asking ??= fetch("/api/auth/get-session", { credentials: "same-origin", cache: "no-store" })
    .then(async (response) => {
      if (!response.ok) return null;
      const body = (await response.json()) as { user?: { id: string; name: string; email: string; role?: string } } | null;
      if (!body?.user) return null;
      return { id: body.user.id, name: body.user.name, email: body.user.email, role: body.user.role === "instructor" ? "instructor" : "learner" } satisfies Account;
    })
    .catch(() => null);
  return asking;
}

/** Posts JSON to better-auth (or any route); resolves with the JSON body, or throws the server's message. */
export async function postJson<T = unknown>(url: string, body: unknown, method = "POST", options: { keepalive?: boolean } = {}): Promise<T> {
  const response = await fetch(url, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), credentials: "same-origin", keepalive: options.keepalive ?? false });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  if (!response.ok) {
    const message = (parsed as { message?: string; error?: string } | null)?.message ?? (parsed as { error?: string } | null)?.error;
    throw new Error(message ?? (response.status === 429 ? "Too many attempts; wait a minute and try again." : `The server answered ${response.status}.`));
  }
  return parsed as T;
}
