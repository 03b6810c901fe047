// `$(VAR)` expansion in env values, command and args, with the rules of Kubernetes' forked expansion package.
//
// (kubernetes third_party/forked/golang/expansion/expand.go) `$(NAME)` becomes NAME's value when it is
// defined and stays as written when not; `$$` is an escaped `$`; any other `$` is kept as is.

/** Expands `$(VAR)` references in `input` from `lookup` (undefined: leave the reference as written). */
export function expandEnvReferences(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const next = input[cursor + 1];
    let advance = 1;
    if (next === '$') {
      out += '$';
    } else if (next === '(') {
      const close = input.indexOf(')', cursor + 2);
      if (close < 0) {
        out += '$(';
      } else {
        const name = input.slice(cursor + 2, close);
        out += lookup(name) ?? `$(${name})`;
        advance = close - cursor;
      }
    } else {
      out += `$${next ?? ''}`;
    }
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

/** Expands a command or args list against the container's resolved env. */
export function expandCommandList(list: readonly string[] | undefined, env: Readonly<Record<string, string>>): string[] | undefined {
  if (list === undefined) return undefined;
  return list.map((item) => expandEnvReferences(item, (name) => (Object.hasOwn(env, name) ? env[name] : undefined)));
}
