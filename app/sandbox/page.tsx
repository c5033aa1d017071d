import type { Metadata } from "next";
import Link from "next/link";
import { SandboxPageClient } from "@/app/_components/terminal/SandboxPageClient";

export const metadata: Metadata = {
  title: "Sandbox",
  description: "A terminal in your browser with a simulated AWS KMS, Secrets Manager and Parameter Store: type the chapter's aws commands and see what the AWS CLI prints.",
};

/**
 * The sandbox page: a short introduction, the terminal (loaded in the
 * browser after the page, behind a skeleton) and what it simulates.
 */
export default function SandboxPage() {
  return (
    <div className="pb-12">
      <h1 className="text-3xl font-bold tracking-tight">Sandbox</h1>
      <p className="mt-2 max-w-3xl text-slate-700 dark:text-slate-300">
        Practise on a pretend AWS account that lives in this browser tab. Type the <code>aws</code> commands from the chapters exactly as
        printed and the terminal answers as the AWS CLI v2 would. Nothing reaches AWS and nothing costs money; your work is kept in this
        browser until you reset it.
      </p>
      <div className="mt-5">
        <SandboxPageClient />
      </div>
      <section aria-labelledby="simulated" className="mt-10 max-w-3xl">
        <h2 id="simulated" className="text-xl font-semibold">
          What the sandbox simulates
        </h2>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          The <Link href="/sandbox/operations" className="text-brand-700 underline underline-offset-2 hover:no-underline dark:text-brand-300">list of supported operations</Link>{" "}
          shows every command of each service, whether the sandbox runs it, and where it simplifies.
        </p>
        <ul className="mt-3 list-disc space-y-1.5 pl-5 text-slate-800 dark:text-slate-200">
          <li>
            <strong>AWS KMS</strong>: keys of every kind the chapter teaches, aliases, encryption and decryption with real AES-256-GCM,
            data keys, encryption context, key policies, rotation, deletion windows and signing.
          </li>
          <li>
            <strong>Secrets Manager</strong>: secrets encrypted through KMS, versions and staging labels, resource policies, recovery
            windows, and rotation by a simulated Lambda function against a simulated MySQL database.
          </li>
          <li>
            <strong>Parameter Store</strong>: String, StringList and SecureString parameters, hierarchies and path queries, versions,
            labels, tiers and policies.
          </li>
          <li>
            <strong>IAM and STS</strong>: an account (123456789012, us-east-1) with users and roles; every call is checked against
            identity, key and resource policies. <code>aws sts assume-role</code> gives temporary credentials; exported, they make your
            commands act as that role.
          </li>
          <li>
            <strong>A bash-like shell</strong> with files: pipes, redirects, variables, <code>if</code> and <code>for</code>, and the tools
            the chapter uses (<code>echo</code>, <code>cat</code>, <code>base64</code>, <code>jq</code>, <code>sha256sum</code>,{" "}
            <code>openssl rand</code> and <code>enc</code> and more). Type <code>help</code> to list them.
          </li>
          <li>
            <strong>Time</strong> stands still until you move it: <code>clock</code> shows the simulated time and{" "}
            <code>clock advance 8d</code> jumps ahead, so a seven-day deletion window passes in a second.
          </li>
        </ul>
        <h2 className="mt-8 text-xl font-semibold">Scenarios, saving and keys</h2>
        <ul className="mt-3 list-disc space-y-1.5 pl-5 text-slate-800 dark:text-slate-200">
          <li>
            <strong>Chapter 27</strong> starts with what the chapter&apos;s commands expect: the key 1234abcd-12ab-34cd-56ef-1234567890ab,
            the rotation function MyRotationFunction and its database, the parameter /app/db/password and a plaintext.txt file.{" "}
            <strong>Empty account</strong> starts with nothing. <strong>Broken application</strong> and <strong>Roles scoped by parameter
            path</strong> are the starting states of two <Link href="/labs" className="text-brand-700 underline underline-offset-2 hover:no-underline dark:text-brand-300">labs</Link>.
          </li>
          <li>
            The sandbox is saved in this browser after every command and comes back when you reload. <strong>Reset</strong> returns to
            the scenario&apos;s start; <strong>Export</strong> downloads it as a file that <strong>Import</strong> brings back.
          </li>
          <li>
            In the terminal, Tab completes services, commands, options and values; Up and Down recall earlier commands; Ctrl-C cancels the
            line; Ctrl-L or <code>clear</code> clears the screen. To move on with the keyboard, press Escape then Tab.{" "}
            <strong>Screen reader mode</strong> swaps the terminal for a plain form and log over the same sandbox.
          </li>
          <li>
            Command blocks in the <Link href="/chapters/kms-secrets-manager-parameter-store" className="text-brand-700 underline underline-offset-2 hover:no-underline dark:text-brand-300">chapter</Link> have a{" "}
            <strong>Run in sandbox</strong> button: it opens a terminal panel on that page and runs them there, in the same saved sandbox as this page.
          </li>
        </ul>
      </section>
    </div>
  );
}
