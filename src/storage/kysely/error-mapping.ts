// Wraps a Kysely dialect so every driver error leaves it as a neutral storage error (see ../errors.ts).
//
// Mapping at the driver is the one place every query, transaction command and connection
// attempt passes through, so repositories and the migrator never see driver errors.
import type {
  CompiledQuery,
  DatabaseConnection,
  DatabaseIntrospector,
  Dialect,
  DialectAdapter,
  Driver,
  Kysely,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';
import { ConflictError, StorageFullError, StorageUnavailableError, UniqueViolationError } from '../errors.js';
import type { StorageError } from '../errors.js';

export type StorageErrorKind = 'unique' | 'conflict' | 'unavailable' | 'full';

/** A backend's reading of one driver error; undefined leaves the error as it is. */
export type ErrorClassifier = (error: unknown) => StorageErrorKind | undefined;

/** The `code` property that Node, better-sqlite3 and pg put on their errors, if any. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

export function toStorageError(error: unknown, classify: ErrorClassifier): unknown {
  const kind = classify(error);
  if (kind === undefined) return error;
  const detail = error instanceof Error ? error.message : String(error);
  const make: Record<StorageErrorKind, (message: string) => StorageError> = {
    unique: (m) => new UniqueViolationError(`unique violation: ${m}`, { cause: error }),
    conflict: (m) => new ConflictError(`conflict: ${m}`, { cause: error }),
    unavailable: (m) => new StorageUnavailableError(`database unavailable: ${m}`, { cause: error }),
    full: (m) => new StorageFullError(`storage full: ${m}`, { cause: error }),
  };
  return make[kind](detail);
}

export function withErrorMapping(dialect: Dialect, classify: ErrorClassifier): Dialect {
  return {
    createAdapter: (): DialectAdapter => dialect.createAdapter(),
    createDriver: (): Driver => new MappedDriver(dialect.createDriver(), classify),
    createQueryCompiler: (): QueryCompiler => dialect.createQueryCompiler(),
    createIntrospector: (db: Kysely<any>): DatabaseIntrospector => dialect.createIntrospector(db),
  };
}

class MappedConnection implements DatabaseConnection {
  readonly inner: DatabaseConnection;
  readonly #classify: ErrorClassifier;

  constructor(inner: DatabaseConnection, classify: ErrorClassifier) {
    this.inner = inner;
    this.#classify = classify;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.inner.executeQuery<R>(query);
    } catch (error) {
      throw toStorageError(error, this.#classify);
    }
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    try {
      yield* this.inner.streamQuery<R>(query, chunkSize);
    } catch (error) {
      throw toStorageError(error, this.#classify);
    }
  }
}

/** Delegates to the real driver, handing it back its own connection objects (it keeps private state on them). */
class MappedDriver implements Driver {
  readonly #inner: Driver;
  readonly #classify: ErrorClassifier;

  constructor(inner: Driver, classify: ErrorClassifier) {
    this.#inner = inner;
    this.#classify = classify;
  }

  async #guard<T>(action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      throw toStorageError(error, this.#classify);
    }
  }

  init(): Promise<void> {
    return this.#guard(() => this.#inner.init());
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await this.#guard(() => this.#inner.acquireConnection());
    return new MappedConnection(inner, this.#classify);
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#guard(() => this.#inner.beginTransaction(unwrap(connection), settings));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#guard(() => this.#inner.commitTransaction(unwrap(connection)));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#guard(() => this.#inner.rollbackTransaction(unwrap(connection)));
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    const method = required(this.#inner.savepoint, 'savepoint');
    return this.#guard(() => method.call(this.#inner, unwrap(connection), name, compile));
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    const method = required(this.#inner.rollbackToSavepoint, 'rollbackToSavepoint');
    return this.#guard(() => method.call(this.#inner, unwrap(connection), name, compile));
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    const method = required(this.#inner.releaseSavepoint, 'releaseSavepoint');
    return this.#guard(() => method.call(this.#inner, unwrap(connection), name, compile));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#inner.releaseConnection(unwrap(connection));
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

function unwrap(connection: DatabaseConnection): DatabaseConnection {
  return connection instanceof MappedConnection ? connection.inner : connection;
}

function required<F>(method: F | undefined, name: string): F {
  if (method === undefined) throw new Error(`the driver does not support ${name}`);
  return method;
}
