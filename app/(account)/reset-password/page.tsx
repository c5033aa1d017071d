import type { Metadata } from "next";
import { ResetPasswordForm } from "@/app/_components/account/PasswordResetForms";

// Rendered per request: the page carries a per-request CSP nonce (proxy.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string | string[]; error?: string | string[] }> };

/** Where the emailed link lands (better-auth checks the token, then redirects here with it, or with error=INVALID_TOKEN). */
export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token, error } = await searchParams;
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="mb-6 text-3xl font-bold">Choose a new password</h1>
      <ResetPasswordForm token={typeof token === "string" && /^[A-Za-z0-9_-]{8,128}$/.test(token) ? token : undefined} linkError={typeof error === "string" ? "invalid" : undefined} />
    </div>
  );
}
