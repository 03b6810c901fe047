// PodNetwork: distinct loopback addresses per pod from a /16, no .0/.255, reuse of freed ones.
import { describe, expect, it } from 'vitest';
import { InvalidPodSubnetError, NODE_IP, PodNetwork } from './pod-network.js';

describe('PodNetwork', () => {
  it('hands out distinct addresses in order and keeps .0 and .255 out', () => {
    const network = new PodNetwork({ subnet: '127.10.0.0/16', perPodAddresses: true });
    const addresses = Array.from({ length: 256 }, (_, i) => network.allocate(`uid-${i}`));
    expect(addresses.slice(0, 2)).toEqual(['127.10.0.1', '127.10.0.2']);
    expect(addresses[253]).toBe('127.10.0.254');
    expect(addresses[254]).toBe('127.10.1.1');
    expect(new Set(addresses).size).toBe(256);
    expect(addresses.filter((a) => a.endsWith('.0') || a.endsWith('.255'))).toEqual([]);
  });

  it('answers the same address for the same pod and reuses released ones', () => {
    const network = new PodNetwork({ perPodAddresses: true });
    const first = network.allocate('a');
    network.allocate('b');
    expect(network.allocate('a')).toBe(first);
    network.release('a');
    expect(network.allocate('c')).toBe(first);
  });

  it('gives a resumed pod its earlier address when it is free', () => {
    const network = new PodNetwork({ perPodAddresses: true });
    expect(network.allocate('old', '127.10.0.7')).toBe('127.10.0.7');
    expect(network.allocate('other', '127.10.0.7')).toBe('127.10.0.1');
    expect(network.allocate('outside', '10.0.0.1')).toBe('127.10.0.2');
    const rest = Array.from({ length: 5 }, (_, i) => network.allocate(`n${i}`));
    expect(rest).toEqual(['127.10.0.3', '127.10.0.4', '127.10.0.5', '127.10.0.6', '127.10.0.8']);
  });

  it('uses 127.0.0.1 for every pod where per-pod addresses are not available', () => {
    const network = new PodNetwork({ perPodAddresses: false });
    expect([network.allocate('a'), network.allocate('b')]).toEqual([NODE_IP, NODE_IP]);
  });

  it('refuses a subnet that is not a loopback /16', () => {
    expect(() => new PodNetwork({ subnet: '10.0.0.0/8' })).toThrow(InvalidPodSubnetError);
  });
});
