import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "@/app/_components/account/SignInForm";

// Rendered per request: the page carries a per-request CSP nonce (proxy.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const { next } = await searchParams;
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="text-3xl font-bold">Sign in</h1>
      <p className="mt-3 mb-6 text-slate-700 dark:text-slate-300">
        Your progress follows you to any device. What you did in this browser without an account is added to it when you sign in.
      </p>
      <SignInForm mode="sign-in" next={typeof next === "string" ? next : undefined} />
      <p className="mt-8 text-sm">
        No account yet?{" "}
        <Link href="/sign-up" className="font-semibold text-brand-700 underline dark:text-brand-300">
          Create one
        </Link>{" "}
        (an account is optional: everything works without one, in this browser).
      </p>
    </div>
  );
}
