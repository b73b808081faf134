// Runs anywhere: the error a branded type's constructor throws for a value that is not what the brand names.

/** `code` says which kind of brand refused (a path or an id); `value` is what was given. */
export class BrandError extends Error {
  readonly code: 'InvalidPath' | 'InvalidId';
  readonly value: string;
  constructor(code: 'InvalidPath' | 'InvalidId', kind: string, value: string, why: string) {
    super(`${JSON.stringify(value.slice(0, 200))} is not ${kind}: ${why}`);
    this.name = code === 'InvalidPath' ? 'InvalidPathError' : 'InvalidIdError';
    this.code = code;
    this.value = value;
  }
}
