/**
 * `npm run user:role -- EMAIL learner|instructor`: gives an account a role.
 * Roles are never taken from a form; an operator sets them here, on the
 * database DATABASE_URL names (the embedded SQLite file by default).
 */
import { roles, type Role } from "@/lib/auth/auth";
import { db } from "@/lib/db/client";

const [email, role] = process.argv.slice(2);
if (!email || !role || !(roles as readonly string[]).includes(role)) {
  console.error(`Usage: npm run user:role -- EMAIL ${roles.join("|")}`);
  process.exit(2);
}
const { count } = await db().user.updateMany({ where: { email: email.trim().toLowerCase() }, data: { role: role as Role } });
if (count === 0) {
  console.error(`No account has the address ${email}. The person must sign up first.`);
  process.exit(1);
}
console.log(`${email} is now ${role === "instructor" ? "an instructor" : "a learner"}.`);
await db().$disconnect();
