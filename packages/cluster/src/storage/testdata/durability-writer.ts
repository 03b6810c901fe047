// Child process for the durability test: creates objects as fast as it can and prints each key once durable.
import { SqliteStore } from '../sqlite-store.js';

const path = process.argv[2];
if (!path) throw new Error('usage: durability-writer.ts <db path>');
const store = SqliteStore.open({ path });
const payload = 'x'.repeat(2_000);
// Batches of writes, each acknowledged only after store.whenDurable (the group commit), as the API server does.
for (let i = 0; ; ) {
  const written: string[] = [];
  for (const end = i + 50; i < end; i++) {
    const key = `/core/configmaps/default/cm-${i}`;
    store.create(key, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}` }, data: { payload } } as never);
    written.push(key);
  }
  await store.whenDurable(store.currentRevision());
  process.stdout.write(`${written.join('\n')}\n`);
}
