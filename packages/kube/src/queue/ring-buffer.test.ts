// Tests for RingBuffer: first-in first-out with shift, newest-first with pop, across wrap-around and growth.
import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer.js';

describe('RingBuffer', () => {
  it('shifts the oldest and pops the newest item, undefined when empty', () => {
    const buffer = new RingBuffer<number>();
    for (const n of [1, 2, 3, 4]) buffer.push(n);
    expect(buffer.shift()).toBe(1);
    expect(buffer.pop()).toBe(4);
    expect(buffer.length).toBe(2);
    expect([buffer.pop(), buffer.pop(), buffer.pop(), buffer.shift()]).toEqual([3, 2, undefined, undefined]);
  });

  it('keeps both ends right when the items wrap around the array and when it grows', () => {
    const buffer = new RingBuffer<number>(16);
    for (let n = 0; n < 12; n++) buffer.push(n);
    for (let n = 0; n < 10; n++) buffer.shift(); // head near the end of the 16 slots
    for (let n = 12; n < 20; n++) buffer.push(n); // wraps: 10..19 in the buffer
    expect(buffer.pop()).toBe(19);
    expect(buffer.shift()).toBe(10);
    for (let n = 20; n < 40; n++) buffer.push(n); // grows past 16 with items wrapped
    expect(buffer.length).toBe(28);
    expect(buffer.pop()).toBe(39);
    const rest: number[] = [];
    for (let n = buffer.shift(); n !== undefined; n = buffer.shift()) rest.push(n);
    expect(rest).toEqual([...Array.from({ length: 8 }, (_, i) => 11 + i), ...Array.from({ length: 19 }, (_, i) => 20 + i)]);
  });
});
