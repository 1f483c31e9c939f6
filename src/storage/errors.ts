// Neutral storage errors that both backends map their driver errors to.

export class StorageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A row with the same unique key already exists. */
export class UniqueViolationError extends StorageError {}

/** A concurrent writer changed the row first (serialization failure, deadlock, busy). */
export class ConflictError extends StorageError {}

/** The database cannot be reached or refused the connection. */
export class StorageUnavailableError extends StorageError {}

/** The database has no room left for the write (disk full, or a size cap reached). */
export class StorageFullError extends StorageError {}
