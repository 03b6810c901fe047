// nginx app: the welcome page on /, nginx's 404 page elsewhere, an access log, and exit 0 on SIGTERM.
import { describe, expect, it } from 'vitest';
import { startCatalogApp } from '../catalog-app-test-kit.js';
import { sendHttpRequest, waitForLogLine } from '../runtime-test-kit.js';

describe('nginx', () => {
  it('serves the welcome page, 404 otherwise, logs access, and stops cleanly', async () => {
    const app = await startCatalogApp({ image: 'docker.io/library/nginx:1.27-alpine' }, { serve: '/' });
    try {
      const page = await sendHttpRequest({ url: `${app.baseUrl}/` });
      expect(page.status).toBe(200);
      expect(page.body).toContain('<title>Welcome to nginx!</title>');
      expect(page.headers.server).toMatch(/^nginx\//);
      const missing = await sendHttpRequest({ url: `${app.baseUrl}/missing.html` });
      expect(missing.status).toBe(404);
      expect(missing.body).toContain('<center><h1>404 Not Found</h1></center>');
      await waitForLogLine(app.sandbox.logPath, /"GET \/missing\.html HTTP\/1\.1" 404 \d+ "-" "-"$/);
      await app.container.stop(10);
      expect(await app.container.exited).toMatchObject({ exitCode: 0 });
    } finally {
      await app.dispose();
    }
  });
});
