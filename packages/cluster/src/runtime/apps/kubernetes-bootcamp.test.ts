// kubernetes-bootcamp app: the tutorial's one line, naming the pod and the image version.
import { describe, expect, it } from 'vitest';
import { startCatalogApp } from '../catalog-app-test-kit.js';
import { sendHttpRequest } from '../runtime-test-kit.js';

describe('kubernetes-bootcamp', () => {
  it.each([
    ['v1', 'v=1'],
    ['v2', 'v=2'],
  ])('answers every path with the bootcamp greeting (%s)', async (tag, version) => {
    const app = await startCatalogApp(
      { image: `jocatalin/kubernetes-bootcamp:${tag}`, podName: 'kubernetes-bootcamp-5c69669756-abcde' },
      { serve: '/' },
    );
    try {
      const answer = await sendHttpRequest({ url: `${app.baseUrl}/anything` });
      expect(answer.status).toBe(200);
      expect(answer.body).toBe(`Hello Kubernetes bootcamp! | Running on: kubernetes-bootcamp-5c69669756-abcde | ${version}\n`);
      expect(app.logLines().some((line) => line.startsWith('Kubernetes Bootcamp App Started At:'))).toBe(true);
    } finally {
      await app.dispose();
    }
  });
});
