// Lexer and recursive-descent parser for label selector strings (`app=web,tier in (a,b),!canary`).
// Grammar and token rules follow k8s.io/apimachinery/pkg/labels/selector.go (Lexer, Parser.parse).
import { InvalidLabelSelectorError } from './selector-errors.js';
import { createLabelRequirement, LabelOperator, type LabelRequirement } from './label-requirement.js';

const Token = {
  EndOfString: 'end of string',
  Identifier: 'identifier',
  OpenPar: '(',
  ClosedPar: ')',
  Comma: ',',
  DoesNotExist: '!',
  Equals: '=',
  DoubleEquals: '==',
  NotEquals: '!=',
  GreaterThan: '>',
  LessThan: '<',
  In: 'in',
  NotIn: 'notin',
  Error: 'error',
} as const;
type Token = (typeof Token)[keyof typeof Token];

interface ScannedItem {
  readonly token: Token;
  readonly literal: string;
}

/** Literal spellings of the non-identifier tokens. */
const literalTokens: ReadonlyMap<string, Token> = new Map<string, Token>([
  ['(', Token.OpenPar],
  [')', Token.ClosedPar],
  [',', Token.Comma],
  ['!', Token.DoesNotExist],
  ['=', Token.Equals],
  ['==', Token.DoubleEquals],
  ['!=', Token.NotEquals],
  ['>', Token.GreaterThan],
  ['<', Token.LessThan],
  ['in', Token.In],
  ['notin', Token.NotIn],
]);

const isWhitespace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecialSymbol = (ch: string): boolean => '=!(),><'.includes(ch);

/** Splits the text into tokens; identifiers run until whitespace or a special symbol. */
function scanTokens(text: string): ScannedItem[] {
  const items: ScannedItem[] = [];
  let pos = 0;
  for (;;) {
    while (pos < text.length && isWhitespace(text[pos] ?? '')) pos++;
    if (pos >= text.length) {
      items.push({ token: Token.EndOfString, literal: '' });
      return items;
    }
    const start = pos;
    if (isSpecialSymbol(text[pos] ?? '')) {
      // Longest run of special symbols that still spells a known token ("!=" rather than "!" then "=").
      let best: ScannedItem | undefined;
      let end = pos;
      while (end < text.length && isSpecialSymbol(text[end] ?? '')) {
        const candidate = literalTokens.get(text.slice(start, end + 1));
        if (candidate !== undefined) best = { token: candidate, literal: text.slice(start, end + 1) };
        else if (best !== undefined) break;
        end++;
      }
      if (best === undefined) return [...items, { token: Token.Error, literal: text.slice(start, end) }];
      items.push(best);
      pos = start + best.literal.length;
      continue;
    }
    while (pos < text.length && !isWhitespace(text[pos] ?? '') && !isSpecialSymbol(text[pos] ?? '')) pos++;
    const word = text.slice(start, pos);
    items.push({ token: literalTokens.get(word) ?? Token.Identifier, literal: word });
  }
}

/** Where a token is read: in value position the keywords `in` and `notin` are plain identifiers. */
type Context = 'keyAndOperator' | 'values';

class LabelSelectorParser {
  private position = 0;

  constructor(
    private readonly text: string,
    private readonly items: readonly ScannedItem[],
  ) {}

  parse(): LabelRequirement[] {
    const requirements: LabelRequirement[] = [];
    for (;;) {
      const next = this.lookahead('values');
      if (next.token === Token.EndOfString) return requirements;
      if (next.token !== Token.Identifier && next.token !== Token.DoesNotExist) {
        this.fail(next.literal, `found '${next.literal}', expected: !, identifier, or 'end of string'`);
      }
      requirements.push(this.parseRequirement());
      const after = this.consume('values');
      if (after.token === Token.EndOfString) return requirements;
      if (after.token !== Token.Comma) this.fail(after.literal, `found '${after.literal}', expected: ',' or 'end of string'`);
      const following = this.lookahead('values');
      if (following.token !== Token.Identifier && following.token !== Token.DoesNotExist) {
        this.fail(following.literal, `found '${following.literal}', expected: identifier after ','`);
      }
    }
  }

  private parseRequirement(): LabelRequirement {
    let negated = false;
    let item = this.consume('values');
    if (item.token === Token.DoesNotExist) {
      negated = true;
      item = this.consume('values');
    }
    if (item.token !== Token.Identifier) this.fail(item.literal, `unable to parse requirement: found '${item.literal}', expected: identifier`);
    const key = item.literal;
    const next = this.lookahead('values').token;
    if (negated || next === Token.EndOfString || next === Token.Comma) {
      // `!key` ends the requirement; whatever follows must be ',' or the end (checked by parse()).
      return this.build({ key, operator: negated ? LabelOperator.DoesNotExist : LabelOperator.Exists });
    }
    const operator = this.parseOperator();
    const values = operator === LabelOperator.In || operator === LabelOperator.NotIn ? this.parseValueSet() : [this.parseExactValue()];
    return this.build({ key, operator, values });
  }

  private parseOperator(): LabelOperator {
    const { token, literal } = this.consume('keyAndOperator');
    switch (token) {
      case Token.In: return LabelOperator.In;
      case Token.NotIn: return LabelOperator.NotIn;
      case Token.Equals: return LabelOperator.Equals;
      case Token.DoubleEquals: return LabelOperator.DoubleEquals;
      case Token.NotEquals: return LabelOperator.NotEquals;
      case Token.GreaterThan: return LabelOperator.GreaterThan;
      case Token.LessThan: return LabelOperator.LessThan;
      default:
        return this.fail(literal, `unable to parse requirement: found '${literal}', expected: '=', '!=', '==', 'in', notin'`);
    }
  }

  /** `( a, b, )`: empty entries are the empty value; `()` is the set holding only "". */
  private parseValueSet(): string[] {
    const open = this.consume('values');
    if (open.token !== Token.OpenPar) this.fail(open.literal, `unable to parse requirement: found '${open.literal}' expected: '('`);
    const values: string[] = [];
    let expectValue = true;
    for (;;) {
      const item = this.consume('values');
      if (item.token === Token.Identifier && expectValue) {
        values.push(item.literal);
        expectValue = false;
      } else if (item.token === Token.Comma) {
        if (expectValue) values.push('');
        expectValue = true;
      } else if (item.token === Token.ClosedPar) {
        if (expectValue) values.push('');
        return values;
      } else {
        this.fail(item.literal, `unable to parse requirement: found '${item.literal}', expected: ',', ')' or identifier`);
      }
    }
  }

  /** The single value after `=`, `==`, `!=`, `>` or `<`; an absent value is "". */
  private parseExactValue(): string {
    const next = this.lookahead('values');
    if (next.token === Token.EndOfString || next.token === Token.Comma) return '';
    const item = this.consume('values');
    if (item.token !== Token.Identifier) this.fail(item.literal, `unable to parse requirement: found '${item.literal}', expected: identifier`);
    return item.literal;
  }

  private build(options: { key: string; operator: LabelOperator; values?: string[] }): LabelRequirement {
    try {
      return createLabelRequirement(options);
    } catch (err: unknown) {
      if (err instanceof InvalidLabelSelectorError) {
        throw new InvalidLabelSelectorError({ message: `unable to parse requirement: ${err.message}`, part: err.part, selector: this.text, cause: err });
      }
      throw err;
    }
  }

  private lookahead(context: Context): ScannedItem {
    return this.read(this.position, context);
  }

  private consume(context: Context): ScannedItem {
    const item = this.read(this.position, context);
    if (this.position < this.items.length - 1) this.position++;
    return item;
  }

  private read(index: number, context: Context): ScannedItem {
    const item = this.items[index] ?? { token: Token.EndOfString, literal: '' };
    if (item.token === Token.Error) this.fail(item.literal, `error expected: keyword found '${item.literal}'`);
    if (context === 'values' && (item.token === Token.In || item.token === Token.NotIn)) return { token: Token.Identifier, literal: item.literal };
    return item;
  }

  private fail(part: string, message: string): never {
    throw new InvalidLabelSelectorError({ message, part, selector: this.text });
  }
}

/** Parses selector text into requirements, in the order written (callers sort). Throws InvalidLabelSelectorError. */
export function parseLabelRequirements(text: string): LabelRequirement[] {
  return new LabelSelectorParser(text, scanTokens(text)).parse();
}
