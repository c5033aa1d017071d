import type { Prisma } from "@/generated/prisma/client";

/** A Prisma client inside an interactive transaction. */
export type Tx = Prisma.TransactionClient;
