/** What a grading expression refers to, found by reading its tokens the way filtrex's lexer does. */
export interface ExpressionRefs {
  /** Data variables read (bare or single-quoted symbols not followed by `(`). */
  variables: string[];
  /** Function calls; `literal` is the argument when it is exactly one double-quoted string. */
  calls: { name: string; literal: string | null }[];
  /** Double-quoted strings that are not the sole argument of a call, nor the pattern of `~=`. */
  comparedStrings: string[];
  /** Keywords the grading language does not offer (e.g. `of`: there are no objects). */
  unsupported: string[];
}

type Token =
  | { kind: 'symbol'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'keyword'; text: string }
  | { kind: 'punct'; text: string }
  | { kind: 'number'; text: string };

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'of', 'if', 'then', 'else', 'mod']);

const RULES: { re: RegExp; kind: Token['kind'] | 'space' | 'quotedSymbol' | 'word' }[] = [
  { re: /\s+/y, kind: 'space' },
  { re: /"(?:\\"|\\\\|[^"\\])*"/y, kind: 'string' },
  { re: /'(?:\\'|\\\\|[^'\\])*'/y, kind: 'quotedSymbol' },
  { re: /[0-9]+(?:\.[0-9]+)?/y, kind: 'number' },
  { re: /[a-zA-Z$_][.a-zA-Z0-9$_]*/y, kind: 'word' },
  { re: /==|!=|~=|>=|<=|[-+*/^(),<>%?:]/y, kind: 'punct' },
];

function unquote(literal: string): string {
  return literal.slice(1, -1).replace(/\\(.)/g, '$1');
}

function lex(expr: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  next: while (at < expr.length) {
    for (const rule of RULES) {
      rule.re.lastIndex = at;
      const m = rule.re.exec(expr);
      if (!m) continue;
      at += m[0].length;
      const text = m[0];
      if (rule.kind === 'space') continue next;
      if (rule.kind === 'string') tokens.push({ kind: 'string', text: unquote(text) });
      else if (rule.kind === 'quotedSymbol') tokens.push({ kind: 'symbol', text: unquote(text) });
      else if (rule.kind === 'word') tokens.push({ kind: KEYWORDS.has(text) ? 'keyword' : 'symbol', text });
      else tokens.push({ kind: rule.kind, text } as Token);
      continue next;
    }
    // Unknown characters are left to filtrex's parser, which reports them with their position.
    at += 1;
  }
  return tokens;
}

export function scanExpression(expr: string): ExpressionRefs {
  const tokens = lex(expr);
  const refs: ExpressionRefs = { variables: [], calls: [], comparedStrings: [], unsupported: [] };
  const callArgs = new Set<number>();
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (token.kind === 'keyword' && token.text === 'of') refs.unsupported.push('of');
    if (token.kind === 'symbol') {
      if (next?.kind === 'punct' && next.text === '(') {
        const arg = tokens[i + 2];
        const close = tokens[i + 3];
        const single = arg?.kind === 'string' && close?.kind === 'punct' && close.text === ')';
        if (single) callArgs.add(i + 2);
        refs.calls.push({ name: token.text, literal: single ? arg.text : null });
      } else {
        refs.variables.push(token.text);
      }
    }
    if (token.kind === 'string' && !callArgs.has(i)) {
      const before = tokens[i - 1];
      if (!(before?.kind === 'punct' && before.text === '~=')) refs.comparedStrings.push(token.text);
    }
  });
  return refs;
}
