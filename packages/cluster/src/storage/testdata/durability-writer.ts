// Child process for the durability test: creates objects as fast as it can and prints each acknowledged key.
import { SqliteStore } from '../sqlite-store.js';

const path = process.argv[2];
if (!path) throw new Error('usage: durability-writer.ts <db path>');
const store = SqliteStore.open({ path });
const payload = 'x'.repeat(2_000);
for (let i = 0; ; i++) {
  const key = `/core/configmaps/default/cm-${i}`;
  store.create(key, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}` }, data: { payload } } as never);
  process.stdout.write(`${key}\n`);
}
