// The rows of the `NAME KIND STATUS AGE INFO` tree: ReplicaSets with pods, Experiments, AnalysisRuns with Jobs.
// Upstream: pkg/kubectl-argo-rollouts/cmd/get/get_rollout.go, get_experiment.go (Print…Info, getPrefixes).
import { InfoTag, KindIcon, StatusIcon, type AnalysisRunInfo, type ExperimentInfo, type JobInfo, type ReplicaSetInfo } from '../../info/index.js';
import type { Painter } from './ansi-color.js';

/** One tree row: name (with its tree prefix and kind icon), kind, status, age, info. */
export type TreeRow = [name: string, kind: string, status: string, age: string, info: string];

/** The column titles. */
export const treeHeader: TreeRow = ['NAME', 'KIND', 'STATUS', 'AGE', 'INFO'];

/** The prefix of a child and the prefix its own children continue with, for the last child or not. */
export function childPrefixes(isLast: boolean, parentPrefix: string): { prefix: string; subPrefix: string } {
  return isLast ? { prefix: `${parentPrefix}└──`, subPrefix: `${parentPrefix}   ` } : { prefix: `${parentPrefix}├──`, subPrefix: `${parentPrefix}│  ` };
}

/** Builds tree rows with one painter. */
export class TreeRowWriter {
  readonly rows: TreeRow[] = [treeHeader];

  constructor(private readonly painter: Painter) {}

  private status(icon: StatusIcon, status: string): string {
    return `${this.painter.paint(icon)} ${status}`;
  }

  /** A ReplicaSet, its role tags and scale-down delay, then its pods. */
  addReplicaSet(rs: ReplicaSetInfo, prefix: string, subPrefix: string): void {
    const paint = (text: string, key?: string): string => this.painter.paint(text, key);
    const info: string[] = [];
    let name = rs.name;
    const tag = (role: InfoTag): void => {
      info.push(paint(role));
      name = paint(name, role);
    };
    if (rs.stable) tag(InfoTag.Stable);
    if (rs.canary) tag(InfoTag.Canary);
    else if (rs.active) tag(InfoTag.Active);
    else if (rs.preview) tag(InfoTag.Preview);
    if (rs.ping) tag(InfoTag.Ping);
    if (rs.pong) tag(InfoTag.Pong);
    if (rs.scaleDownDeadline) info.push(`delay:${rs.scaleDownDelay}`);
    this.rows.push([`${prefix}${KindIcon.ReplicaSet} ${name}`, 'ReplicaSet', this.status(rs.icon, rs.status), rs.age, info.join(',')]);
    rs.pods.forEach((pod, i) => {
      const { prefix: podPrefix } = childPrefixes(i === rs.pods.length - 1, subPrefix);
      const podInfo = [`ready:${pod.ready}`, ...(pod.restarts > 0 ? [`restarts:${pod.restarts}`] : [])];
      this.rows.push([`${podPrefix}${KindIcon.Pod} ${pod.name}`, 'Pod', this.status(pod.icon, pod.status), pod.age, podInfo.join(',')]);
    });
  }

  /** An AnalysisRun with its measurement counts (✔ successful, ✖ failed, ? inconclusive, ⚠ error), then its Jobs. */
  addAnalysisRun(run: AnalysisRunInfo, prefix: string, subPrefix: string): void {
    const paint = (text: string, key?: string): string => this.painter.paint(text, key);
    const counts: [StatusIcon, number][] = [
      [StatusIcon.OK, run.successful],
      [StatusIcon.Bad, run.failed],
      [StatusIcon.Unknown, run.inconclusive],
      [StatusIcon.Warning, run.error],
    ];
    const info = counts.filter(([, n]) => n > 0).map(([icon, n]) => `${paint(icon)} ${n}`);
    const name = paint(run.name, run.status);
    this.rows.push([`${prefix}${KindIcon.AnalysisRun} ${name}`, 'AnalysisRun', this.status(run.icon, run.status), run.age, info.join(',')]);
    run.jobs.forEach((job, i) => {
      const { prefix: jobPrefix } = childPrefixes(i === run.jobs.length - 1, subPrefix);
      this.addJob(job, jobPrefix);
    });
  }

  private addJob(job: JobInfo, prefix: string): void {
    const name = this.painter.paint(job.name, job.status);
    this.rows.push([`${prefix}${KindIcon.Job} ${name}`, 'Job', this.status(job.icon, job.status), job.age, '']);
  }

  /** An Experiment, then its ReplicaSets and AnalysisRuns. */
  addExperiment(experiment: ExperimentInfo, prefix: string, subPrefix: string): void {
    const name = this.painter.paint(experiment.name, experiment.status);
    this.rows.push([`${prefix}${KindIcon.Experiment} ${name}`, 'Experiment', this.status(experiment.icon, experiment.status), experiment.age, '']);
    const total = experiment.replicaSets.length + experiment.analysisRuns.length;
    let index = 0;
    for (const rs of experiment.replicaSets) {
      const child = childPrefixes(index++ === total - 1, subPrefix);
      this.addReplicaSet(rs, child.prefix, child.subPrefix);
    }
    for (const run of experiment.analysisRuns) {
      const child = childPrefixes(index++ === total - 1, subPrefix);
      this.addAnalysisRun(run, child.prefix, child.subPrefix);
    }
  }
}
