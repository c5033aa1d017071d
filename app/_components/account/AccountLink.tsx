"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { currentAccount, type Account } from "./account-client";

const linkClass = "rounded px-2 py-1 text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800";

/** "Sign in", or the signed-in learner's first name linking to their account. Sized the same either way, so the header does not jump. */
export function AccountLink() {
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void currentAccount().then((found) => live && setAccount(found));
    return () => {
      live = false;
    };
  }, []);
  if (account === undefined) return <span className={`${linkClass} invisible`} aria-hidden="true">Sign in</span>;
  if (!account)
    return (
      <Link href="/sign-in" className={linkClass}>
        Sign in
      </Link>
    );
  return (
    <Link href="/account" className={`${linkClass} max-w-[5rem] truncate sm:max-w-[10rem]`} aria-label={`${account.name}: your account`}>
      {account.name.split(/\s+/)[0]}
    </Link>
  );
}
