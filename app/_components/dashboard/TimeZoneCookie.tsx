"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

export const TIME_ZONE_COOKIE = "keystone-tz";

/** Tells the server the learner's time zone (so days and streaks are theirs) and re-renders once when it differed. */
export function TimeZoneCookie({ serverZone }: { serverZone: string }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === serverZone) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [serverZone, router]);
  return null;
}
