// TLS material for the API server: a CA and a serving certificate, made once into `<dataDir>/pki/` and reused after.
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import forge from 'node-forge';

export interface TlsMaterial {
  /** PEM of the CA certificate clients trust (written into the kubeconfig). */
  readonly caCertPem: string;
  readonly certPem: string;
  readonly keyPem: string;
}

export interface EnsureTlsMaterialOptions {
  dataDir: string;
  /** Extra host names or IPs for the serving certificate (127.0.0.1 and localhost are always there). */
  extraHosts?: readonly string[];
  /** Certificate validity start; default now. */
  now?: Date;
}

const files = { caCert: 'ca.crt', caKey: 'ca.key', cert: 'apiserver.crt', key: 'apiserver.key' } as const;
const validityYears = 10;

/** Loads the PKI files, or generates and writes them when any is missing. */
export function ensureTlsMaterial(options: EnsureTlsMaterialOptions): TlsMaterial {
  const dir = path.join(options.dataDir, 'pki');
  const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)])) as Record<keyof typeof files, string>;
  if (Object.values(paths).every((p) => fs.existsSync(p))) {
    return {
      caCertPem: fs.readFileSync(paths.caCert, 'utf8'),
      certPem: fs.readFileSync(paths.cert, 'utf8'),
      keyPem: fs.readFileSync(paths.key, 'utf8'),
    };
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const now = options.now ?? new Date();
  const ca = generateRsaKeyPair();
  const caCert = signCertificate({
    subjectKey: ca,
    issuerKey: ca,
    subject: [{ name: 'commonName', value: 'aviary-ca' }],
    now,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
      { name: 'subjectKeyIdentifier' },
    ],
  });
  const server = generateRsaKeyPair();
  const hosts = [...new Set(['127.0.0.1', 'localhost', ...(options.extraHosts ?? [])])].filter((h) => h !== '0.0.0.0' && h !== '::');
  const serverCert = signCertificate({
    subjectKey: server,
    issuerKey: ca,
    issuerCert: caCert,
    subject: [{ name: 'commonName', value: 'aviary-apiserver' }],
    now,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: hosts.map((h) => (net.isIP(h) ? { type: 7, ip: h } : { type: 2, value: h })) },
    ],
  });
  const material: TlsMaterial = {
    caCertPem: forge.pki.certificateToPem(caCert),
    certPem: forge.pki.certificateToPem(serverCert),
    keyPem: server.privatePem,
  };
  writePrivate(paths.caKey, ca.privatePem);
  writePrivate(paths.key, server.privatePem);
  fs.writeFileSync(paths.caCert, material.caCertPem);
  fs.writeFileSync(paths.cert, material.certPem);
  return material;
}

interface RsaKeyPair {
  readonly privatePem: string;
  readonly privateKey: forge.pki.rsa.PrivateKey;
  readonly publicKey: forge.pki.rsa.PublicKey;
}

/** Node's native RSA keygen (forge's pure-JS keygen takes seconds). */
function generateRsaKeyPair(): RsaKeyPair {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return {
    privatePem: privateKey,
    privateKey: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey,
    publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
  };
}

interface SignOptions {
  subjectKey: RsaKeyPair;
  issuerKey: RsaKeyPair;
  issuerCert?: forge.pki.Certificate;
  subject: forge.pki.CertificateField[];
  now: Date;
  extensions: object[];
}

/**
 * A positive serial in minimal DER from random bytes: an even number of hex digits (forge pads an odd count with
 * a 0x00 byte) and a first byte in 0x01–0x7f, so the INTEGER needs no padding byte and never gets an illegal one.
 * (A leading zero byte made OpenSSL reject about one certificate in 256: "illegal padding".)
 */
export function certificateSerial(random: Uint8Array): string {
  const bytes = Buffer.from(random);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return bytes.toString('hex');
}

function signCertificate(options: SignOptions): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = options.subjectKey.publicKey;
  cert.serialNumber = certificateSerial(crypto.randomBytes(16));
  const notBefore = new Date(options.now.getTime() - 60 * 60 * 1000);
  const notAfter = new Date(options.now.getTime());
  notAfter.setFullYear(notAfter.getFullYear() + validityYears);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  cert.setSubject(options.subject);
  cert.setIssuer(options.issuerCert ? options.issuerCert.subject.attributes : options.subject);
  const extensions = [...options.extensions];
  if (options.issuerCert) extensions.push({ name: 'authorityKeyIdentifier', keyIdentifier: options.issuerCert.generateSubjectKeyIdentifier().getBytes() });
  cert.setExtensions(extensions);
  cert.sign(options.issuerKey.privateKey, forge.md.sha256.create());
  return cert;
}

function writePrivate(file: string, content: string): void {
  fs.writeFileSync(file, content, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}
