// Flag parsing as pflag does it: long and short forms, values, booleans, repeated arrays, errors.
import { describe, expect, it } from 'vitest';
import { FlagSet, FlagType, parseArgs } from './args.js';

const flags = new FlagSet([
  { name: 'watch', short: 'w', type: FlagType.Bool, usage: '' },
  { name: 'all-namespaces', short: 'A', type: FlagType.Bool, usage: '' },
  { name: 'namespace', short: 'n', type: FlagType.String, usage: '' },
  { name: 'filename', short: 'f', type: FlagType.StringArray, usage: '' },
  { name: 'to-revision', type: FlagType.Int, usage: '' },
  { name: 'timeout', short: 't', type: FlagType.Duration, usage: '' },
  { name: 'status-watch', type: FlagType.Bool, default: true, usage: '' },
]);

describe('parseArgs', () => {
  it.each([
    ['--namespace value', ['--namespace', 'ns'], { namespace: 'ns' }],
    ['--namespace=value', ['--namespace=ns'], { namespace: 'ns' }],
    ['-n value', ['-n', 'ns'], { namespace: 'ns' }],
    ['-nvalue', ['-nns'], { namespace: 'ns' }],
    ['-n=value', ['-n=ns'], { namespace: 'ns' }],
    ['grouped short booleans', ['-wA'], { watch: true, 'all-namespaces': true }],
    ['a boolean set false', ['--status-watch=false'], { 'status-watch': false }],
    ['a repeated array', ['-f', 'a.yaml', '--filename=b.yaml'], { filename: ['a.yaml', 'b.yaml'] }],
    ['an int', ['--to-revision', '3'], { 'to-revision': 3 }],
    ['a duration in ms', ['-t', '1m30s'], { timeout: 90_000 }],
  ])('reads %s', (_name, tokens, expected) => {
    expect(parseArgs(tokens, flags).flags).toMatchObject(expected);
  });

  it('keeps positional args in order around flags, and everything after --', () => {
    expect(parseArgs(['a', '-w', 'b', '--', '-n', 'c'], flags).args).toEqual(['a', 'b', '-n', 'c']);
  });

  it('defaults what was not given', () => {
    expect(parseArgs([], flags).flags).toEqual({ watch: false, 'all-namespaces': false, namespace: '', filename: [], 'to-revision': 0, timeout: 0, 'status-watch': true });
  });

  it.each([
    [['--nope'], 'unknown flag: --nope'],
    [['-x'], "unknown shorthand flag: 'x' in -x"],
    [['--namespace'], 'flag needs an argument: --namespace'],
    [['-n'], "flag needs an argument: 'n' in -n"],
    [['--to-revision', 'x'], 'invalid argument "x" for "--to-revision" flag: strconv.ParseInt: parsing "x": invalid syntax'],
    [['-t', '10'], 'invalid argument "10" for "-t, --timeout" flag: time: invalid duration "10"'],
    [['--watch=maybe'], 'invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
  ])('rejects %j', (tokens, message) => {
    expect(() => parseArgs(tokens, flags)).toThrow(message);
  });
});
