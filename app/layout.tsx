import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/app/_components/layout/SiteFooter";
import { siteName, SiteHeader } from "@/app/_components/layout/SiteHeader";
import { themeBootScript } from "@/lib/ui/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: `${siteName}: AWS certification prep`, template: `%s · ${siteName}` },
  description: "Study AWS security services for the certification exams: chapters, exam points and checked corrections.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeBootScript }} />
      </head>
      <body className="min-h-screen bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-2 focus:z-50 focus:rounded focus:bg-brand-600 focus:px-3 focus:py-2 focus:text-white"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 pt-6 outline-none">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
