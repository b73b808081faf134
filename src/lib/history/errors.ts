// Runs anywhere: the history engine's typed errors, each with a `code` and the repository, object, file or path it is about.
import { BrandError } from '../brand-error.ts';

export type HistoryErrorCode =
  | 'MalformedObject'
  | 'MissingObject'
  | 'CorruptObject'
  | 'DamagedPack'
  | 'UnsupportedPack'
  | 'NoRepository'
  | 'NoContentFolder'
  | 'OutsideRepository'
  | 'StoreClosed'
  | 'CacheUnwritable'
  | 'Internal';

/**
 * Every error the engine throws about a repository: `instanceof HistoryError` tells them from a bug
 * elsewhere, `code` tells them apart. An id that is not one is a BrandError (InvalidIdError).
 */
export abstract class HistoryError extends Error {
  abstract readonly code: HistoryErrorCode;
}

/** Bytes that are not a well-formed git object of their kind; `offset` is where in the object reading stopped. */
export class MalformedObjectError extends HistoryError {
  readonly code = 'MalformedObject';
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(`${message} (at byte ${offset})`);
    this.name = 'MalformedObjectError';
    this.offset = offset;
  }
}

export type GitObjectErrorCode = 'MissingObject' | 'CorruptObject';

/** An object of a repository that cannot be read or parsed: a damaged pack, a truncated loose file, a partial clone. */
export class GitObjectError extends HistoryError {
  readonly code: GitObjectErrorCode;
  readonly oid: string;
  readonly repository: string;
  constructor(code: GitObjectErrorCode, repository: string, oid: string, reason: string, options?: ErrorOptions) {
    super(`${repository}: git object ${oid} ${code === 'MissingObject' ? 'is missing' : 'is damaged'}: ${reason}`, options);
    this.name = 'GitObjectError';
    this.code = code;
    this.oid = oid;
    this.repository = repository;
  }
}

/**
 * A pack or pack index that cannot be read: `DamagedPack` is reported, never skipped, since its objects
 * would look missing; `UnsupportedPack` (a version 1 index) is left to isomorphic-git.
 */
export class PackError extends HistoryError {
  readonly code: 'DamagedPack' | 'UnsupportedPack';
  /** The .pack or .idx file. */
  readonly file: string;
  readonly repository: string | undefined;
  readonly reason: string;
  constructor(code: 'DamagedPack' | 'UnsupportedPack', file: string, reason: string, repository?: string) {
    super(`${repository ? `${repository}: ` : ''}${file}: ${reason}`);
    this.name = 'PackError';
    this.code = code;
    this.file = file;
    this.reason = reason;
    this.repository = repository;
  }

  /** The same error, its message naming the repository the pack belongs to. */
  in(repository: string): PackError {
    return new PackError(this.code, this.file, this.reason, repository);
  }
}

export type RepositoryErrorCode = 'NoRepository' | 'NoContentFolder' | 'OutsideRepository' | 'StoreClosed';

/** A repository or folder that cannot be read as asked: `path` is the folder (or repository) named. */
export class RepositoryError extends HistoryError {
  readonly code: RepositoryErrorCode;
  readonly path: string;
  constructor(code: RepositoryErrorCode, path: string, message: string) {
    super(message);
    this.name = 'RepositoryError';
    this.code = code;
    this.path = path;
  }
}

/** The history cache could not be written; `path` is the file. Callers turn it into a warning: a cache is optional. */
export class HistoryCacheError extends HistoryError {
  readonly code = 'CacheUnwritable';
  readonly path: string;
  constructor(path: string, message: string) {
    super(message);
    this.name = 'HistoryCacheError';
    this.path = path;
  }
}

/** A string given as a branded id (a commit id, an object id) that is not one. */
export class InvalidIdError extends BrandError {
  constructor(kind: string, value: string, why: string) {
    super('InvalidId', kind, value, why);
  }
}

/** A broken promise inside the engine, not bad input: reaching one is a bug to report. */
export class InternalError extends HistoryError {
  readonly code = 'Internal';
  constructor(message: string) {
    super(`internal: ${message}`);
    this.name = 'InternalError';
  }
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Turns whatever reading or parsing one object threw into a GitObjectError naming it (kept as is when it already is one). */
export function objectError(repository: string, oid: string, error: unknown): GitObjectError {
  if (error instanceof GitObjectError) return error;
  return new GitObjectError('CorruptObject', repository, oid, reasonOf(error), error instanceof Error ? { cause: error } : undefined);
}
