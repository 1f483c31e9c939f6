// Unit tests of the driver-error classifiers and the neutral errors they produce.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConflictError, StorageFullError, StorageUnavailableError, UniqueViolationError } from '../../src/storage/errors.js';
import { toStorageError } from '../../src/storage/kysely/error-mapping.js';
import { classifyPostgresError } from '../../src/storage/postgres/errors.js';
import { classifySqliteError } from '../../src/storage/sqlite/errors.js';

function withCode(code: string, message = `error ${code}`): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifySqliteError', () => {
  const cases: Array<[string, ReturnType<typeof classifySqliteError>]> = [
    ['SQLITE_CONSTRAINT_PRIMARYKEY', 'unique'],
    ['SQLITE_CONSTRAINT_UNIQUE', 'unique'],
    ['SQLITE_CONSTRAINT_FOREIGNKEY', undefined],
    ['SQLITE_CONSTRAINT_NOTNULL', undefined],
    ['SQLITE_BUSY', 'conflict'],
    ['SQLITE_BUSY_SNAPSHOT', 'conflict'],
    ['SQLITE_CANTOPEN', 'unavailable'],
    ['ENOTDIR', 'unavailable'],
    ['SQLITE_FULL', 'full'],
    ['ENOSPC', 'full'],
    ['SQLITE_ERROR', undefined],
  ];
  for (const [code, kind] of cases) {
    it(`${code} -> ${kind ?? 'unchanged'}`, () => assert.equal(classifySqliteError(withCode(code)), kind));
  }
  it('leaves errors without a code alone', () => assert.equal(classifySqliteError(new Error('x')), undefined));
});

describe('classifyPostgresError', () => {
  const cases: Array<[string, ReturnType<typeof classifyPostgresError>]> = [
    ['23505', 'unique'],
    ['23503', undefined],
    ['40001', 'conflict'],
    ['40P01', 'conflict'],
    ['08006', 'unavailable'],
    ['57P01', 'unavailable'],
    ['3D000', 'unavailable'],
    ['ECONNREFUSED', 'unavailable'],
    ['53100', 'full'],
    ['ENOSPC', 'full'],
    ['42P01', undefined],
  ];
  for (const [code, kind] of cases) {
    it(`${code} -> ${kind ?? 'unchanged'}`, () => assert.equal(classifyPostgresError(withCode(code)), kind));
  }
  it('reads a refused dual-stack connect (AggregateError)', () => {
    const error = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'connect failed');
    assert.equal(classifyPostgresError(error), 'unavailable');
  });
  it('reads pg errors that carry no code', () => {
    assert.equal(classifyPostgresError(new Error('Connection terminated unexpectedly')), 'unavailable');
    assert.equal(classifyPostgresError(new Error('timeout exceeded when trying to connect')), 'unavailable');
  });
});

describe('toStorageError', () => {
  it('wraps classified errors, keeping the driver error as cause', () => {
    const driverError = withCode('23505', 'duplicate key value violates unique constraint "domains_pk"');
    const mapped = toStorageError(driverError, classifyPostgresError);
    assert.ok(mapped instanceof UniqueViolationError);
    assert.equal(mapped.name, 'UniqueViolationError');
    assert.equal(mapped.cause, driverError);
    assert.ok(toStorageError(withCode('40P01'), classifyPostgresError) instanceof ConflictError);
    assert.ok(toStorageError(withCode('SQLITE_CANTOPEN'), classifySqliteError) instanceof StorageUnavailableError);
    assert.ok(toStorageError(withCode('SQLITE_FULL', 'database or disk is full'), classifySqliteError) instanceof StorageFullError);
    assert.ok(toStorageError(withCode('53100', 'could not extend file: No space left on device'), classifyPostgresError) instanceof StorageFullError);
  });
  it('returns unclassified errors unchanged', () => {
    const error = withCode('42P01');
    assert.equal(toStorageError(error, classifyPostgresError), error);
  });
});
