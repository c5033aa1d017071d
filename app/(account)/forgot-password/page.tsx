import type { Metadata } from "next";
import { RequestResetForm } from "@/app/_components/account/PasswordResetForms";

// Rendered per request: the page carries a per-request CSP nonce (proxy.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Reset your password", robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="mb-6 text-3xl font-bold">Reset your password</h1>
      <RequestResetForm />
    </div>
  );
}
