// A child process running the embedded API server, for kill -9 tests: prints its URL once listening.
import { startApiServer } from '../../apiserver.js';

const [dataDir, port] = process.argv.slice(2);
const server = await startApiServer({ dataDir: dataDir ?? '.', port: Number(port ?? 0), installArgoprojCrds: false });
process.stdout.write(`listening ${server.url}\n`);
