import { useMigratedDatabase } from "../tests/unit/migrated-database";
useMigratedDatabase("dash-");
const { db } = await import("../lib/db/client");
const { mergeBrowserProgress } = await import("../lib/progress/merge");
const { dashboardFor } = await import("../lib/progress/dashboard-data");
const { answersOf, memoryOf } = await import("../lib/progress/memory-cards");
await db().user.create({ data: { id: "u1", email: "u@e.com", name: "u" } });
const points = ["kms.key-policy", "kms.grants", "kms.envelope-encryption", "kms.key-rotation", "secrets-manager.rotation", "parameter-store.hierarchies"];
const now = Date.now();
const attempts = Array.from({ length: 500 }, (_, index) => ({ id: `seed-attempt-${String(index).padStart(4, "0")}`, mode: "drill" as const, at: new Date(now - (90 - (index * 90) / 500) * 86_400_000).toISOString(), context: "/", items: Array.from({ length: 10 }, (_, item) => ({ questionId: `q${item}`, examPoints: [points[(index + item) % points.length]!], correct: (index + item) % 3 !== 0, answered: true, confidence: "sure" as const })) }));
await mergeBrowserProgress("u1", { attempts, sectionsRead: [] });
for (let r = 0; r < 3; r++) { let t = performance.now(); await dashboardFor("u1", "UTC"); console.log("dashboard", (performance.now() - t).toFixed(1)); }
let t = performance.now(); const a = await answersOf("u1"); console.log("answersOf", (performance.now() - t).toFixed(1), a.length);
t = performance.now(); await memoryOf("u1", a); console.log("memoryOf", (performance.now() - t).toFixed(1));
