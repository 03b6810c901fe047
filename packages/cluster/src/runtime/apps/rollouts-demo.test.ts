// rollouts-demo app: /color answers as upstream, bad- fails a share of requests, slow- adds latency, SIGTERM waits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalogApp, type StartedApp } from '../catalog-app-test-kit.js';
import { sendHttpRequest, waitForLogLine } from '../runtime-test-kit.js';

const FAST_EXIT = ['--termination-delay=0'];

describe('rollouts-demo', () => {
  let blue: StartedApp;
  let badYellow: StartedApp;

  beforeAll(async () => {
    [blue, badYellow] = await Promise.all([
      startCatalogApp({ image: 'argoproj/rollouts-demo:blue', args: FAST_EXIT }, { serve: '/color' }),
      startCatalogApp({ image: 'quay.io/argoproj/rollouts-demo:bad-yellow', args: FAST_EXIT }, { serve: '/color' }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([blue?.dispose(), badYellow?.dispose()]);
  });

  it('answers /color with the JSON string of its color, as upstream', async () => {
    const answer = await sendHttpRequest({ url: `${blue.baseUrl}/color` });
    expect(answer).toMatchObject({ status: 200, body: '"blue"' });
    expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(JSON.parse(answer.body)).toBe('blue');
  });

  it('serves a page that polls /color on /, and 404 elsewhere', async () => {
    const page = await sendHttpRequest({ url: `${blue.baseUrl}/` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('./color');
    expect(page.headers['content-type']).toContain('text/html');
    expect(await sendHttpRequest({ url: `${blue.baseUrl}/nope` })).toMatchObject({ status: 404, body: '404 page not found\n' });
  });

  it('honours return500 in the POSTed color parameters', async () => {
    const body = JSON.stringify([{ color: 'blue', return500: 100 }]);
    const answer = await sendHttpRequest({ url: `${blue.baseUrl}/color`, method: 'POST', body });
    expect(answer).toMatchObject({ status: 500, body: '"blue"' });
  });

  it('fails the share of requests upstream fails for bad- images (rand.Intn(100) >= ERROR_RATE=15: about 85%)', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => sendHttpRequest({ url: `${badYellow.baseUrl}/color` })),
    );
    const failed = answers.filter((answer) => answer.status === 500).length;
    expect(answers.every((answer) => answer.body === '"yellow"')).toBe(true);
    expect(failed / 200).toBeGreaterThan(0.75);
    expect(failed / 200).toBeLessThan(0.95);
  });

  it('logs each answer as upstream does', async () => {
    await sendHttpRequest({ url: `${blue.baseUrl}/color` });
    await waitForLogLine(blue.sandbox.logPath, /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} 200 - blue$/);
  });
});

describe('rollouts-demo timing', () => {
  it('adds LATENCY seconds to each answer (slow- images set 2; the container env overrides it)', async () => {
    const slow = await startCatalogApp(
      { image: 'argoproj/rollouts-demo:slow-green', args: FAST_EXIT, env: { LATENCY: '1' } },
      { serve: '/' },
    );
    try {
      const before = Date.now();
      const answer = await sendHttpRequest({ url: `${slow.baseUrl}/color` });
      expect(answer.body).toBe('"green"');
      expect(Date.now() - before).toBeGreaterThanOrEqual(950);
    } finally {
      await slow.dispose();
    }
  });

  it('keeps serving for --termination-delay after SIGTERM, then exits 0', async () => {
    const app = await startCatalogApp(
      { image: 'argoproj/rollouts-demo:purple', args: ['--termination-delay', '1'] },
      { serve: '/color' },
    );
    try {
      const before = Date.now();
      const stopped = app.container.stop(10);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await sendHttpRequest({ url: `${app.baseUrl}/color` })).toMatchObject({ body: '"purple"' });
      await stopped;
      expect(Date.now() - before).toBeGreaterThanOrEqual(900);
      expect(await app.container.exited).toMatchObject({ exitCode: 0, reason: 'Completed' });
    } finally {
      await app.dispose();
    }
  });
});
