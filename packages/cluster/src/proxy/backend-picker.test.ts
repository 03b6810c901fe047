// Tables for readyBackends and RoundRobinPicker: which endpoints are ready for a Service port, and whose turn it is.
import type { Endpoints } from '@aviary/kube';
import { describe, expect, it } from 'vitest';
import { readyBackends, RoundRobinPicker } from './backend-picker.js';

describe('readyBackends', () => {
  const endpoints: Endpoints = {
    metadata: { name: 'web' },
    subsets: [
      { addresses: [{ ip: '127.10.0.10' }, { ip: '127.10.0.2' }], notReadyAddresses: [{ ip: '127.10.0.3' }], ports: [{ name: 'http', port: 8080 }, { name: 'admin', port: 9090 }] },
      { addresses: [{ ip: '127.10.0.1' }], ports: [{ name: 'http', port: 8081 }] },
      { addresses: [{ ip: '127.10.0.4' }], ports: [{ name: 'http', port: 8080, protocol: 'UDP' }] },
    ],
  };

  it.each([
    ['http', ['127.10.0.1:8081', '127.10.0.2:8080', '127.10.0.10:8080']],
    ['admin', ['127.10.0.2:9090', '127.10.0.10:9090']],
    ['missing', []],
  ])('port %s: ready addresses only, TCP only, in address order', (name, expected) => {
    expect(readyBackends(endpoints, name).map((b) => `${b.ip}:${b.port}`)).toEqual(expected);
  });

  it('gives nothing without Endpoints', () => {
    expect(readyBackends(undefined, '')).toEqual([]);
  });
});

describe('RoundRobinPicker', () => {
  const a = { ip: '127.10.0.1', port: 80 };
  const b = { ip: '127.10.0.2', port: 80 };
  const c = { ip: '127.10.0.3', port: 80 };

  it('takes turns, and has nothing to give without backends', () => {
    const picker = new RoundRobinPicker();
    expect(picker.next()).toBeUndefined();
    picker.update([a, b, c]);
    expect([1, 2, 3, 4, 5, 6, 7].map(() => picker.next()?.ip)).toEqual(['127.10.0.1', '127.10.0.2', '127.10.0.3', '127.10.0.1', '127.10.0.2', '127.10.0.3', '127.10.0.1']);
  });

  it('keeps its turn across an update, and reports whether anything changed', () => {
    const picker = new RoundRobinPicker();
    picker.update([a, b]);
    picker.next();
    expect(picker.update([a, b])).toBe(false);
    expect(picker.update([a, b, c])).toBe(true);
    expect([1, 2, 3].map(() => picker.next()?.ip)).toEqual(['127.10.0.2', '127.10.0.3', '127.10.0.1']);
  });
});
