/**
 * One connection, one statement at a time: the SQLite adapter made safe for
 * concurrent requests.
 *
 * Prisma 6.19's better-sqlite3 adapter shares one connection and locks it
 * only for transactions, so a statement outside a transaction, issued while
 * another request's transaction is open, runs inside that transaction: when
 * that one rolls back (a duplicate attempt id, an error), the other request's
 * write is rolled back with it, after it was acknowledged
 * (tests/unit/server/sqlite-serialization.test.ts shows it). This wrapper
 * puts every statement and every transaction of the connection behind one
 * FIFO lock: a transaction holds it from BEGIN to COMMIT or ROLLBACK, a
 * lone statement for its own duration, and waiters are served in arrival
 * order. better-sqlite3 is synchronous, so nothing is lost in parallelism.
 */
import { countQuery } from "./query-count";
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

/** A first-come, first-served lock. */
export class FifoLock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const turn = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => held);
    return turn;
  }
}

function serializedTransaction(transaction: Transaction, release: () => void): Transaction {
  let released = false;
  const finish = () => {
    if (!released) {
      released = true;
      release();
    }
  };
  return new Proxy(transaction, {
    get(target, property, receiver) {
      if (property === "commit" || property === "rollback") {
        return async () => {
          try {
            await target[property]();
          } finally {
            finish();
          }
        };
      }
      if (property === "queryRaw" || property === "executeRaw") countQuery();
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export function serializedAdapter(adapter: SqlDriverAdapter, lock = new FifoLock()): SqlDriverAdapter {
  const alone = async <T>(work: () => Promise<T>): Promise<T> => {
    const release = await lock.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  };
  return new Proxy(adapter, {
    get(target, property, receiver) {
      switch (property) {
        case "queryRaw":
          return (query: SqlQuery) => (countQuery(), alone(() => target.queryRaw(query)));
        case "executeRaw":
          return (query: SqlQuery) => (countQuery(), alone(() => target.executeRaw(query)));
        case "executeScript":
          return (script: string) => alone(() => target.executeScript(script));
        case "startTransaction":
          return async (isolationLevel?: IsolationLevel) => {
            const release = await lock.acquire();
            try {
              return serializedTransaction(await target.startTransaction(isolationLevel), release);
            } catch (error) {
              release();
              throw error;
            }
          };
        default: {
          const value: unknown = Reflect.get(target, property, receiver);
          return typeof value === "function" ? value.bind(target) : value;
        }
      }
    },
  });
}

/** Wraps an adapter factory so that every connection it makes is serialised, behind the given lock when other connections of the process share it. */
export function serializedFactory(factory: SqlDriverAdapterFactory, lock = new FifoLock()): SqlDriverAdapterFactory {
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property === "connect") return async () => serializedAdapter(await target.connect(), lock);
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
