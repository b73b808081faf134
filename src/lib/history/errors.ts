// Runs anywhere: the history engine's typed errors, naming the repository and object a damaged read came from.

/** Bytes that are not a well-formed git object of their kind; `offset` is where in the object reading stopped. */
export class MalformedObjectError extends Error {
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
export class GitObjectError extends Error {
  readonly code: GitObjectErrorCode;
  readonly oid: string;
  readonly repository: string;
  constructor(code: GitObjectErrorCode, repository: string, oid: string, reason: string) {
    super(`${repository}: git object ${oid} ${code === 'MissingObject' ? 'is missing' : 'is damaged'}: ${reason}`);
    this.name = 'GitObjectError';
    this.code = code;
    this.oid = oid;
    this.repository = repository;
  }
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Turns whatever reading or parsing one object threw into a GitObjectError naming it (kept as is when it already is one). */
export function objectError(repository: string, oid: string, error: unknown): GitObjectError {
  if (error instanceof GitObjectError) return error;
  return new GitObjectError('CorruptObject', repository, oid, reasonOf(error));
}
