// Generated certificates must verify every time: a random serial once made about half of them invalid DER
// ("illegal padding"), so a client sometimes could not verify the server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { certificateSerial, ensureTlsMaterial, type TlsMaterial } from './tls-material.js';

/** A TLS handshake against a server with `material`, trusting only its CA; resolves with the verification error, if any. */
async function handshake(material: TlsMaterial): Promise<string | undefined> {
  const server = tls.createServer({ key: material.keyPem, cert: material.certPem }, (socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  try {
    return await new Promise<string | undefined>((resolve) => {
      const socket = tls.connect({ host: '127.0.0.1', port, ca: material.caCertPem }, () => {
        socket.end();
        resolve(socket.authorized ? undefined : String(socket.authorizationError));
      });
      socket.on('error', (err) => resolve(err.message));
    });
  } finally {
    server.close();
  }
}

describe('certificateSerial', () => {
  it.each([
    ['a leading zero byte', [0x00, 0x00, 0x12]],
    ['a leading byte with the sign bit set', [0x80, 0xff, 0x01]],
    ['an ordinary leading byte', [0x42, 0x00, 0x00]],
  ])('gives a positive minimal serial for %s', (_name, bytes) => {
    const serial = certificateSerial(Uint8Array.from(bytes));
    expect(serial).toHaveLength(bytes.length * 2);
    const first = Number.parseInt(serial.slice(0, 2), 16);
    expect(first).toBeGreaterThanOrEqual(0x01);
    expect(first).toBeLessThanOrEqual(0x7f);
  });
});

describe('ensureTlsMaterial', () => {
  it('makes a CA and a serving certificate that a client verifies', async () => {
    for (let i = 0; i < 3; i++) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aviary-tls-'));
      try {
        expect(await handshake(ensureTlsMaterial({ dataDir }))).toBeUndefined();
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
  });
});
