import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { problem, readJson } from "@/lib/http/json-request";
import { deleteSandboxSave, getSandboxSave, putSandboxSave, TooManySaves } from "@/lib/progress/sandbox-saves";
import { MAX_SANDBOX_SNAPSHOT_BYTES, sandboxSaveSchema } from "@/lib/progress/schemas";

type Context = { params: Promise<{ name: string }> };

const bodySchema = sandboxSaveSchema.omit({ name: true });

async function nameOf(context: Context) {
  const parsed = sandboxSaveSchema.shape.name.safeParse((await context.params).name);
  return parsed.success ? parsed.data : undefined;
}

/** One save with its snapshot. */
export async function GET(request: Request, context: Context) {
  const guard = await requireUser(request);
  if (!guard.ok) return guard.response;
  const name = await nameOf(context);
  const save = name === undefined ? null : await getSandboxSave(guard.user.id, name);
  if (!save) return problem(404, "You have no sandbox save of that name.");
  return NextResponse.json(save, { headers: { "Cache-Control": "private, no-store" } });
}

/** Saves the sandbox under this name (replacing a save of the same name). */
export async function PUT(request: Request, context: Context) {
  const guard = await requireUser(request);
  if (!guard.ok) return guard.response;
  const name = await nameOf(context);
  if (name === undefined) return problem(400, "Name the save with 1 to 80 characters and no control characters.");
  const body = await readJson(request, bodySchema, MAX_SANDBOX_SNAPSHOT_BYTES + 4096);
  if (!body.ok) return body.response;
  try {
    const { created } = await putSandboxSave(guard.user.id, { name, ...body.value });
    return NextResponse.json({ name, created }, { status: created ? 201 : 200 });
  } catch (error) {
    if (error instanceof TooManySaves) return problem(409, error.message);
    throw error;
  }
}

export async function DELETE(request: Request, context: Context) {
  const guard = await requireUser(request);
  if (!guard.ok) return guard.response;
  const name = await nameOf(context);
  if (name === undefined || !(await deleteSandboxSave(guard.user.id, name))) return problem(404, "You have no sandbox save of that name.");
  return new NextResponse(null, { status: 204 });
}
