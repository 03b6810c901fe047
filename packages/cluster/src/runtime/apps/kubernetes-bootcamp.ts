// The jocatalin/kubernetes-bootcamp app from the Kubernetes basics tutorial: one line of text on 8080.
//
// Self-contained (Node built-ins only). The image's tag picks the version it reports (`v2` → `v=2`);
// HOSTNAME (the pod name) is the host it says it runs on; HOST/PORT are the pod address the runtime gives.
import { createServer } from 'node:http';

const version = (process.env.AVIARY_IMAGE_TAG ?? 'v1') === 'v2' ? '2' : '1';
let requests = 0;
let startTime = new Date();
let host = process.env.HOSTNAME ?? '';

const server = createServer((_request, response) => {
  response.setHeader('Content-Type', 'text/plain');
  response.writeHead(200);
  response.write('Hello Kubernetes bootcamp! | Running on: ');
  response.write(host);
  response.end(` | v=${version}\n`);
  requests += 1;
  const uptime = (Date.now() - startTime.getTime()) / 1000;
  console.log('Running On:', host, '| Total Requests:', requests, '| App Uptime:', uptime, 'seconds', '| Log Time:', new Date());
});

const port = Number(process.env.PORT ?? 8080);
server.on('error', (error: Error) => {
  console.error(error.message);
  process.exit(1);
});
server.listen(port, process.env.HOST ?? '0.0.0.0', () => {
  startTime = new Date();
  host = process.env.HOSTNAME ?? '';
  console.log('Kubernetes Bootcamp App Started At:', startTime, '| Running On: ', host, '\n');
});
