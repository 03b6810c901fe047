// The seven stages of the rollouts walkthrough (the user's documents): what each one does, the command a user would
// type for it, what it says, and the state it waits for before showing the tree and the traffic split.
import { abortRollout, promoteRollout, setRolloutImage } from '@aviary/rollouts';
import type { KubeClient } from '@aviary/kube';
import { createDemo } from './demo-setup.js';
import { colorOfImage, DemoNames, readDemoState, servesExactly, type DemoState } from './demo-state.js';

/** What a stage's action and checks may use; `memo` carries facts from earlier stages (the stable yellow hash). */
export interface StageContext {
  client: KubeClient;
  namespace: string;
  pauseSeconds: number;
  memo: { yellowHash?: string; replicaSetCount?: number };
}

export interface DemoStage {
  title: string;
  /** What the user would type for this stage. */
  command: string;
  /** Said before acting. */
  intro: string;
  /** Does the stage's change; returns the line the plugin prints, if any. */
  act(ctx: StageContext): Promise<string | undefined>;
  /** The state the stage waits for. */
  reached(state: DemoState, ctx: StageContext): boolean;
  /** Said once reached (may record facts in ctx.memo). */
  outro(state: DemoState, ctx: StageContext): string;
  timeoutMs: number;
  /** Print the `get rollout` tree and measure the traffic split once reached. */
  show: boolean;
}

const image = (color: string): string => `argoproj/rollouts-demo:${color}`;
const setImageCommand = (color: string): string => `kubectl argo rollouts set image ${DemoNames.rollout} ${DemoNames.container}=${image(color)}`;
const setImage = async (ctx: StageContext, color: string): Promise<string> =>
  (await setRolloutImage({ client: ctx.client, namespace: ctx.namespace, name: DemoNames.rollout, container: DemoNames.container, image: image(color) })).message;
const target = (ctx: StageContext) => ({ client: ctx.client, namespace: ctx.namespace, name: DemoNames.rollout });

const status = (state: DemoState) => state.rollout.status ?? {};
const isPausedAtFirstPause = (state: DemoState): boolean =>
  status(state).phase === 'Paused' && status(state).message === 'CanaryPauseStep' && status(state).currentStepIndex === 1;
const isFullyPromoted = (state: DemoState): boolean => {
  const s = status(state);
  const steps = state.rollout.spec.strategy.canary?.steps ?? [];
  return s.phase === 'Healthy' && s.currentStepIndex === steps.length && s.stableRS !== undefined && s.stableRS === s.currentPodHash;
};

const isScaledToZero = (state: DemoState, color: string): boolean =>
  state.replicaSets.filter((rs) => colorOfImage(rs.spec?.template?.spec?.containers[0]?.image) === color).every((rs) => rs.spec?.replicas === 0);

/** Starting pods and scaling take a few seconds each; this leaves room for a loaded machine. */
const stageTimeoutMs = 90_000;

export function demoStages(options: { manifestLabel: string; pauseSeconds: number }): DemoStage[] {
  const { pauseSeconds } = options;
  return [
    {
      title: `Deploy ${DemoNames.rollout}:blue`,
      command: `kubectl apply -f ${options.manifestLabel}`,
      intro: 'A Rollout of 5 replicas with canary steps 20% → pause → 40% → 60% → 80% (timed pauses between), and its Service.',
      act: async (ctx) => {
        await createDemo(ctx);
        return `rollout.argoproj.io/${DemoNames.rollout} created\nservice/${DemoNames.service} created`;
      },
      reached: (state) => status(state).phase === 'Healthy' && servesExactly(state, { blue: 5 }),
      outro: () => 'The first revision goes straight to 100%: there is no stable version to protect yet.',
      timeoutMs: stageTimeoutMs,
      show: true,
    },
    {
      title: 'Update to yellow',
      command: setImageCommand('yellow'),
      intro: 'A new pod template makes a new revision; the first step, setWeight: 20, gives it 1 of the 5 pods.',
      act: (ctx) => setImage(ctx, 'yellow'),
      reached: (state) => (state.ready['yellow'] ?? 0) >= 1,
      outro: () => 'The canary pod is ready; the Service now spreads requests over blue and yellow pods alike.',
      timeoutMs: stageTimeoutMs,
      show: false,
    },
    {
      title: 'Pause at 20%',
      command: `kubectl argo rollouts get rollout ${DemoNames.rollout} --watch`,
      intro: 'The second step is `pause: {}`: no duration, so the rollout waits here until someone promotes it.',
      act: () => Promise.resolve(undefined),
      reached: (state) => isPausedAtFirstPause(state) && servesExactly(state, { blue: 4, yellow: 1 }),
      outro: () => 'Paused with 1 yellow and 4 blue pods: about a fifth of the requests see yellow.',
      timeoutMs: stageTimeoutMs,
      show: true,
    },
    {
      title: 'Promote',
      command: `kubectl argo rollouts promote ${DemoNames.rollout}`,
      intro: `Promote ends the pause; the remaining steps run by themselves, pausing ${pauseSeconds}s at 40%, 60% and 80%.`,
      act: async (ctx) => (await promoteRollout(target(ctx))).message,
      reached: (state) => isFullyPromoted(state) && servesExactly(state, { yellow: 5 }),
      outro: (state, ctx) => {
        ctx.memo.yellowHash = status(state).stableRS;
        return 'Every step is done: yellow is the stable revision and the blue ReplicaSet is scaled to zero.';
      },
      timeoutMs: stageTimeoutMs + 3 * pauseSeconds * 1000,
      show: true,
    },
    {
      title: 'Update to red',
      command: setImageCommand('red'),
      intro: 'A bad version this time: it goes through the same first step and pauses at 20%.',
      act: (ctx) => setImage(ctx, 'red'),
      reached: (state) => isPausedAtFirstPause(state) && servesExactly(state, { yellow: 4, red: 1 }),
      outro: () => 'Paused with 1 red and 4 yellow pods: about a fifth of the requests see red.',
      timeoutMs: stageTimeoutMs,
      show: true,
    },
    {
      title: 'Abort',
      command: `kubectl argo rollouts abort ${DemoNames.rollout}`,
      intro: 'Abort scales the canary back to zero and gives all 5 pods back to the stable yellow revision.',
      act: async (ctx) => (await abortRollout(target(ctx))).message,
      reached: (state) =>
        status(state).phase === 'Degraded' && (status(state).message ?? '').startsWith('RolloutAborted') && isScaledToZero(state, 'red') && servesExactly(state, { yellow: 5 }),
      outro: () => 'All traffic is yellow again. The rollout is Degraded: its spec still asks for red, which is not what runs.',
      timeoutMs: stageTimeoutMs,
      show: true,
    },
    {
      title: 'Recover',
      command: setImageCommand('yellow'),
      intro: 'Setting the spec back to the stable image makes the rollout Healthy without deploying anything.',
      act: async (ctx) => {
        ctx.memo.replicaSetCount = (await readDemoState(ctx.client, ctx.namespace)).replicaSets.length;
        return setImage(ctx, 'yellow');
      },
      reached: (state, ctx) => {
        const s = status(state);
        return s.phase === 'Healthy' && s.stableRS === ctx.memo.yellowHash && s.currentPodHash === ctx.memo.yellowHash && state.replicaSets.length === ctx.memo.replicaSetCount && servesExactly(state, { yellow: 5 });
      },
      outro: () => 'Healthy with no new ReplicaSet: the template matches the stable yellow ReplicaSet, which already runs all 5 pods.',
      timeoutMs: stageTimeoutMs,
      show: true,
    },
  ];
}
