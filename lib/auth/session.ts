import { auth, roles, type Role } from "./auth";

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** The user the request's session cookie belongs to, or null (no cookie, expired or revoked session). */
export async function currentUser(headers: Headers): Promise<SignedInUser | null> {
  const session = await auth().api.getSession({ headers });
  if (!session) return null;
  const role = (roles as readonly string[]).includes(session.user.role ?? "") ? (session.user.role as Role) : "learner";
  return { id: session.user.id, email: session.user.email, name: session.user.name, role };
}
