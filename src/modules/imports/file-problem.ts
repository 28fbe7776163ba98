/**
 * A file the importer cannot read as a table at all. Carries a message code and parameters; the
 * service turns it into a localized 400 `import_format`, since only it knows the user's language.
 */
export class FileProblem extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}
