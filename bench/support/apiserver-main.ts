// The embedded API server as its own process for benchmarks: prints its URL and pid once listening.
import { startApiServer } from '../../packages/cluster/src/apiserver.js';

const dataDir = process.argv[2] ?? '.';
const server = await startApiServer({ dataDir, port: 0 });
process.stdout.write(`listening ${server.url} ${process.pid}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
