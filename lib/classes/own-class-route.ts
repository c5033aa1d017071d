import { requireUser } from "@/lib/auth/guard";
import { problem } from "@/lib/http/json-request";
import { idSchema } from "./schemas";

/**
 * The read routes of one class (dashboard, CSV export, item analysis): an
 * instructor only, the id checked, and a class that is not among theirs
 * answered as missing, whoever owns it.
 */
export async function readOwnClass<T>(
  request: Request,
  params: Promise<{ id: string }>,
  read: (classId: string, instructorId: string) => Promise<T | undefined>,
  respond: (value: T) => Response,
): Promise<Response> {
  const guard = await requireUser(request, { role: "instructor" });
  if (!guard.ok) return guard.response;
  const { id } = await params;
  const value = idSchema.safeParse(id).success ? await read(id, guard.user.id) : undefined;
  if (value === undefined) return problem(404, "There is no such class among yours.");
  return respond(value);
}
