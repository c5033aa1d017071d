import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "@/app/_components/account/SignInForm";

// Rendered per request: the page carries a per-request CSP nonce (proxy.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Create an account", robots: { index: false } };

export default function SignUpPage() {
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="text-3xl font-bold">Create an account</h1>
      <p className="mt-3 mb-6 text-slate-700 dark:text-slate-300">
        Keep your progress on the server and see it on any device. Everything you did in this browser so far comes with you.
      </p>
      <SignInForm mode="sign-up" />
      <p className="mt-8 text-sm">
        Already have one?{" "}
        <Link href="/sign-in" className="font-semibold text-brand-700 underline dark:text-brand-300">
          Sign in
        </Link>
      </p>
    </div>
  );
}
