/**
 * Safe rollout: the health gate, the routers that move traffic between two colours, the
 * stepped switch with automatic rollback, and taking a release back.
 */
export * from './router/index.js';
export { splitCommand, parseCommandTemplate, fillCommand, formatCommand } from './command-line.js';
export {
  parseExpectStatus,
  parseExpectBody,
  bodyMismatch,
  statusMatches,
  type StatusRange,
  type BodyExpectation,
} from './health-checks.js';
export {
  runHealthGate,
  windowStats,
  p95,
  MIN_WINDOW_PROBES,
  type HealthOptions,
  type HealthResult,
  type Probe,
  type GateContext,
} from './health.js';
export { parseHealthSettings, HEALTH_DEFAULTS, type RawHealthSettings } from './health-settings.js';
export { queryPrometheus, valueViolation, type PrometheusCheck } from './prometheus.js';
export {
  parseSteps,
  parseTarget,
  checkStepsFit,
  rolloutOptionsFromConfig,
  DEFAULT_STEP_INTERVAL,
} from './settings.js';
export {
  rollout,
  rolloutFromConfig,
  type RolloutOptions,
  type RolloutContext,
  type RolloutResult,
  type RolloutTarget,
  type StepRecord,
} from './switch.js';
export { rollbackTarget, ROLLBACK_KINDS, type RollbackRequest, type RollbackOutcome } from './rollback.js';
export { probeRows, PROBE_HEADERS } from './report.js';
