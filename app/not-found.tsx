import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-2xl py-12">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">There is no page at this address. The course catalogue lists every chapter that exists.</p>
      <p className="mt-6">
        <Link href="/" className="font-semibold text-brand-700 underline underline-offset-2 hover:no-underline dark:text-brand-300">
          Go to the catalogue
        </Link>
      </p>
    </div>
  );
}
