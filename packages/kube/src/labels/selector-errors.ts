// Named errors for label and field selectors that cannot be parsed or built; the API server answers them with 400.

/** A label selector (string or meta/v1 LabelSelector) that is malformed or names an invalid key or value. */
export class InvalidLabelSelectorError extends Error {
  override readonly name = 'InvalidLabelSelectorError';
  /** The whole selector text, when the selector came from a string. */
  readonly selector: string | undefined;
  /** The offending part: the unexpected token, or the invalid key or value. */
  readonly part: string;

  constructor(options: { message: string; part: string; selector?: string; cause?: unknown }) {
    super(options.message, { cause: options.cause });
    this.selector = options.selector;
    this.part = options.part;
  }
}

/** A field selector that cannot be parsed: a term without an operator, or a bad escape in a value. */
export class InvalidFieldSelectorError extends Error {
  override readonly name = 'InvalidFieldSelectorError';
  readonly selector: string;
  /** The offending term (`a.b~c`) or value. */
  readonly part: string;

  constructor(options: { message: string; part: string; selector: string }) {
    super(options.message);
    this.selector = options.selector;
    this.part = options.part;
  }
}
