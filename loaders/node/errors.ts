/** Bad command-line usage: exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Bad input data: exit code 1. Each problem is one line naming file, line and field, so a user
 * can fix the export without reading a stack trace.
 */
export class InputError extends Error {
  override name = "InputError";
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

export const EXIT = {ok: 0, input: 1, usage: 2} as const;
