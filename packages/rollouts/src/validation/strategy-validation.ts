// spec.strategy checks: exactly one strategy, then the canary or blue-green rules (ValidateRolloutStrategy and friends).
// Upstream quirk kept: these paths hang off `spec.strategy` without `canary`/`blueGreen` (`spec.strategy.steps[0]…`),
// and the strategy-count errors sit at `spec.strategy.strategy`.
import type { AntiAffinity, IntOrString, Rollout } from '@aviary/kube';
import { validateCanaryStep } from './canary-step-validation.js';
import { newInvalidError, newRequiredError, type FieldError } from './field-error.js';
import { goBool, goJson, goNumber, goString } from './go-value-format.js';
import { ValidationMessage } from './validation-messages.js';

const base = 'spec.strategy';

/** `"25%"` → 25; any other string reads as a whole number or 0; a number as itself (getIntOrPercentValue). */
function intOrPercentValue(value: IntOrString): number {
  if (typeof value === 'number') return value;
  const percent = /^([0-9]+)%$/.exec(value);
  if (percent) return Number(percent[1]);
  return /^[+-]?\d+$/.test(value) ? Number(value) : 0;
}

export function validateAntiAffinity(antiAffinity: AntiAffinity | undefined, path: string): FieldError[] {
  if (!antiAffinity) return [];
  const errors: FieldError[] = [];
  const preferred = antiAffinity.preferredDuringSchedulingIgnoredDuringExecution;
  const required = antiAffinity.requiredDuringSchedulingIgnoredDuringExecution;
  if (Boolean(preferred) === Boolean(required)) {
    const value = `antiAffinity.PreferredDuringSchedulingIgnoredDuringExecution: ${Boolean(preferred)} antiAffinity.RequiredDuringSchedulingIgnoredDuringExecution: ${Boolean(required)}`;
    errors.push(newInvalidError(path, goString(value), ValidationMessage.AntiAffinityStrategy));
  }
  if (preferred && (preferred.weight < 1 || preferred.weight > 100)) {
    errors.push(newInvalidError(`${path}.weight`, goNumber(preferred.weight), ValidationMessage.AntiAffinityWeight));
  }
  return errors;
}

/** Whether the router needs both canaryService and stableService (requireCanaryStableServices). */
function requiresCanaryAndStableServices(rollout: Rollout): boolean {
  const canary = rollout.spec.strategy.canary;
  const routing = canary?.trafficRouting;
  if (!routing) return false;
  return Boolean(
    (routing.alb && !canary.pingPong) ||
      (routing.istio && !routing.istio.destinationRule && !canary.pingPong) ||
      routing.smi ||
      routing.apisix ||
      routing.ambassador ||
      routing.nginx ||
      routing.appMesh ||
      routing.traefik,
  );
}

function validateCanaryServices(rollout: Rollout): FieldError[] {
  const canary = rollout.spec.strategy.canary ?? {};
  const routing = canary.trafficRouting;
  const errors: FieldError[] = [];
  if (canary.canaryService && canary.stableService && canary.canaryService === canary.stableService) {
    errors.push(newInvalidError(`${base}.stableService`, goString(canary.stableService), ValidationMessage.DuplicatedServicesCanary));
  }
  const pingPong = canary.pingPong;
  if (pingPong) {
    if (routing && !routing.alb && !routing.istio && Object.keys(routing.plugins ?? {}).length === 0) {
      errors.push(newInvalidError(`${base}.trafficRouting.alb`, goJson(null), ValidationMessage.PingPongRouters));
    }
    const ping = pingPong.pingService ?? '';
    const pong = pingPong.pongService ?? '';
    if (ping === '') errors.push(newInvalidError(`${base}.pingPong.pingService`, goString(ping), ValidationMessage.PingPongServices));
    if (pong === '') errors.push(newInvalidError(`${base}.pingPong.pongService`, goString(pong), ValidationMessage.PingPongServices));
    if (ping === pong) errors.push(newInvalidError(`${base}.pingPong.pingService`, goString(ping), ValidationMessage.DuplicatedPingPongServices));
    if (routing?.alb && !routing.alb.rootService) {
      errors.push(newInvalidError(`${base}.trafficRouting.alb.rootService`, goString(''), ValidationMessage.AlbRootServiceMissing));
    }
  }
  if (requiresCanaryAndStableServices(rollout)) {
    if (!canary.stableService) errors.push(newInvalidError(`${base}.stableService`, goString(''), ValidationMessage.TrafficRoutingServices));
    if (!canary.canaryService) errors.push(newInvalidError(`${base}.canaryService`, goString(''), ValidationMessage.TrafficRoutingServices));
  }
  return errors;
}

/** Surge, services, traffic-routing-only fields, then every step and antiAffinity (ValidateRolloutStrategyCanary). */
function validateCanary(rollout: Rollout): FieldError[] {
  const canary = rollout.spec.strategy.canary ?? {};
  const routing = canary.trafficRouting;
  const errors: FieldError[] = [];
  const surge = canary.maxSurge ?? '25%';
  if (intOrPercentValue(surge) === 0 && intOrPercentValue(canary.maxUnavailable ?? '25%') === 0) {
    errors.push(newInvalidError(`${base}.maxSurge`, goJson(surge), ValidationMessage.MaxSurgeMaxUnavailableZero));
  }
  errors.push(...validateCanaryServices(rollout));
  const hasScaleDownDelay = canary.scaleDownDelaySeconds !== undefined && canary.scaleDownDelaySeconds !== null;
  if (!routing) {
    if (hasScaleDownDelay) errors.push(newInvalidError(`${base}.scaleDownDelaySeconds`, goNumber(canary.scaleDownDelaySeconds ?? 0), ValidationMessage.CanaryScaleDownDelay));
    if (canary.dynamicStableScale) errors.push(newInvalidError(`${base}.dynamicStableScale`, goBool(true), ValidationMessage.CanaryDynamicStableScale));
  } else {
    if (hasScaleDownDelay && canary.dynamicStableScale) {
      errors.push(newInvalidError(`${base}.dynamicStableScale`, goBool(true), ValidationMessage.DynamicStableScaleWithScaleDownDelay));
    }
    if (routing.maxTrafficWeight !== undefined && routing.maxTrafficWeight !== null && !routing.nginx && Object.keys(routing.plugins ?? {}).length === 0) {
      errors.push(newInvalidError(`${base}.trafficRouting.maxTrafficWeight`, goNumber(routing.maxTrafficWeight), ValidationMessage.MaxTrafficWeightRouter));
    }
  }
  const maxTrafficWeight = routing?.maxTrafficWeight ?? 100;
  (canary.steps ?? []).forEach((step, i) => errors.push(...validateCanaryStep(canary, step, i, maxTrafficWeight)));
  errors.push(...validateAntiAffinity(canary.antiAffinity, `${base}.antiAffinity`));
  return errors;
}

function validateBlueGreen(rollout: Rollout): FieldError[] {
  const blueGreen = rollout.spec.strategy.blueGreen;
  if (!blueGreen) return [];
  const errors: FieldError[] = [];
  const active = blueGreen.activeService ?? '';
  if (active === (blueGreen.previewService ?? '')) {
    errors.push(newInvalidError(`${base}.activeService`, goString(active), ValidationMessage.DuplicatedServicesBlueGreen));
  }
  const limit = blueGreen.scaleDownDelayRevisionLimit;
  if (limit !== undefined && limit !== null && (rollout.spec.revisionHistoryLimit ?? 10) < limit) {
    errors.push(newInvalidError(`${base}.scaleDownDelayRevisionLimit`, goNumber(limit), ValidationMessage.ScaleDownLimitLargerThanRevisionLimit));
  }
  errors.push(...validateAntiAffinity(blueGreen.antiAffinity, `${base}.antiAffinity`));
  return errors;
}

/** Exactly one of canary and blueGreen, then that strategy's rules. */
export function validateStrategy(rollout: Rollout): FieldError[] {
  const strategy = rollout.spec.strategy ?? {};
  const canary = strategy.canary !== undefined && strategy.canary !== null;
  const blueGreen = strategy.blueGreen !== undefined && strategy.blueGreen !== null;
  if (!canary && !blueGreen) {
    return [newRequiredError(`${base}.strategy`, ValidationMessage.missingField('.spec.strategy.canary or .spec.strategy.blueGreen'))];
  }
  if (canary && blueGreen) {
    return [newInvalidError(`${base}.strategy`, goString(`blueGreen: true canary: true`), ValidationMessage.MultipleStrategies)];
  }
  return blueGreen ? validateBlueGreen(rollout) : validateCanary(rollout);
}
